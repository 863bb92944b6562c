<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>&lt;b&gt;No corpus is loaded&lt;/b&gt;, so there are no sentences to show. These vectors were opened without the text they were trained on: open that corpus (File → Open text corpus…) to see where a word occurs.</source>
        <translation>&lt;b&gt;未加载语料&lt;/b&gt;，因此没有可显示的句子。这些向量是在没有训练文本的情况下打开的：打开该语料（文件 → 打开文本语料…）即可查看词语出现的位置。</translation>
    </message>
    <message>
        <source>{word} does not occur in the loaded {unit}.</source>
        <translation>{word} 未出现在已加载的{unit}中。</translation>
    </message>
    <message>
        <source>{word} occurs once in the loaded {unit}.</source>
        <translation>{word} 在已加载的{unit}中出现 1 次。</translation>
    </message>
    <message>
        <source>{word} occurs {total:,} times in the loaded {unit}; the first {shown:,} are shown.</source>
        <translation>{word} 在已加载的{unit}中出现 {total:,} 次；显示前 {shown:,} 次。</translation>
    </message>
    <message>
        <source>{word} occurs {total:,} times in the loaded {unit}.</source>
        <translation>{word} 在已加载的{unit}中出现 {total:,} 次。</translation>
    </message>
    <message>
        <source>Word in context</source>
        <translation>上下文中的词</translation>
    </message>
    <message>
        <source>a word or item</source>
        <translation>一个词或物品</translation>
    </message>
    <message>
        <source>first </source>
        <translation>前 </translation>
    </message>
    <message>
        <source> occurrences</source>
        <translation> 次出现</translation>
    </message>
    <message>
        <source>Show in context</source>
        <translation>在上下文中显示</translation>
    </message>
    <message>
        <source>before</source>
        <translation>前文</translation>
    </message>
    <message>
        <source>word</source>
        <translation>词</translation>
    </message>
    <message>
        <source>after</source>
        <translation>后文</translation>
    </message>
    <message>
        <source>Word:</source>
        <translation>词：</translation>
    </message>
    <message>
        <source>Type a word to see the sentences it occurs in.</source>
        <translation>输入一个词，查看它出现的句子。</translation>
    </message>
    <message>
        <source>Word in context failed</source>
        <translation>上下文查询失败</translation>
    </message>
    <message>
        <source>Searching {n_tokens:,} tokens…</source>
        <translation>正在搜索 {n_tokens:,} 个词元…</translation>
    </message>
    <message>
        <source>sentence {v0:,}</source>
        <translation>第 {v0:,} 句</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Spark</source>
        <translation>Spark</translation>
    </message>
    <message>
        <source>Spark master URL: local[*] (all cores here), spark://host:7077, yarn, k8s://...; the sequences come back to this computer for training.</source>
        <translation>Spark master 地址：local[*]（本机所有核心）、spark://host:7077、yarn、k8s://...；序列会传回本机进行训练。</translation>
    </message>
    <message>
        <source>User column</source>
        <translation>用户列</translation>
    </message>
    <message>
        <source>0-based column number, or the header name.</source>
        <translation>从 0 开始的列号，或表头名称。</translation>
    </message>
    <message>
        <source>Item column</source>
        <translation>物品列</translation>
    </message>
    <message>
        <source>Rating column</source>
        <translation>评分列</translation>
    </message>
    <message>
        <source>none: implicit data</source>
        <translation>无：隐式数据</translation>
    </message>
    <message>
        <source>Leave empty when every row is one interaction (clicks, purchases).</source>
        <translation>每行都是一次交互（点击、购买）时留空。</translation>
    </message>
    <message>
        <source>Time column</source>
        <translation>时间列</translation>
    </message>
    <message>
        <source>none: file order</source>
        <translation>无：按文件顺序</translation>
    </message>
    <message>
        <source>Seconds or dates; histories are ordered by it. Empty: the file order.</source>
        <translation>秒数或日期；历史记录按它排序。留空：按文件顺序。</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>竖线</translation>
    </message>
    <message>
        <source>colon</source>
        <translation>冒号</translation>
    </message>
    <message>
        <source>space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>First row is a header</source>
        <translation>首行为表头</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Layout label</source>
        <translation>布局名称</translation>
    </message>
    <message>
        <source>What was detected; informational.</source>
        <translation>检测到的布局；仅供参考。</translation>
    </message>
    <message>
        <source>Keep ratings ≥</source>
        <translation>保留评分 ≥</translation>
    </message>
    <message>
        <source>{source}: {events:,} events, {users:,} users, {items:,} items; {skipped}</source>
        <translation>{source}：{events:,} 个事件，{users:,} 个用户，{items:,} 个物品；{skipped}</translation>
    </message>
    <message>
        <source>  {step}: dropped {dropped:,}, {left:,} left{note}</source>
        <translation>  {step}：去掉 {dropped:,} 个，剩余 {left:,} 个{note}</translation>
    </message>
    <message>
        <source>{sequences:,} sequences from {users:,} users, {events:,} events over {items:,} items</source>
        <translation>{sequences:,} 条序列，来自 {users:,} 个用户，{events:,} 个事件，涉及 {items:,} 个物品</translation>
    </message>
    <message>
        <source>  length: min {min:.0f}, median {median:.0f}, mean {mean:.1f}, p90 {p90:.0f}, max {max:.0f}</source>
        <translation>  长度：最小 {min:.0f}，中位数 {median:.0f}，平均 {mean:.1f}，p90 {p90:.0f}，最大 {max:.0f}</translation>
    </message>
    <message>
        <source>  histogram: {bins}</source>
        <translation>  直方图：{bins}</translation>
    </message>
    <message>
        <source>items with no vector: {n:,} of {total:,} ({no_events:,} lost every event, {rare:,} seen fewer than min_count={min_count} times)</source>
        <translation>没有向量的物品：{total:,} 个中有 {n:,} 个（{no_events:,} 个失去了全部事件，{rare:,} 个出现次数少于 min_count={min_count}）</translation>
    </message>
    <message>
        <source>  e.g. {examples}</source>
        <translation>  例如 {examples}</translation>
    </message>
    <message>
        <source>{source}: the file has no readable events ({skipped})</source>
        <translation>{source}：文件中没有可读的事件（{skipped}）</translation>
    </message>
    <message>
        <source>rating threshold</source>
        <translation>评分阈值</translation>
    </message>
    <message>
        <source>no rating column: every event kept</source>
        <translation>没有评分列：保留每个事件</translation>
    </message>
    <message>
        <source>keep all</source>
        <translation>全部保留</translation>
    </message>
    <message>
        <source>ratings range {low:g} to {high:g}</source>
        <translation>评分范围 {low:g} 到 {high:g}</translation>
    </message>
    <message>
        <source>keep ratings &gt;= {threshold:g}</source>
        <translation>保留评分 ≥ {threshold:g}</translation>
    </message>
    <message>
        <source>split sessions at gaps &gt; {gap}</source>
        <translation>在间隔 &gt; {gap} 处切分会话</translation>
    </message>
    <message>
        <source>extra sequence</source>
        <translation>条新增序列</translation>
    </message>
    <message>
        <source>extra sequences</source>
        <translation>条新增序列</translation>
    </message>
    <message>
        <source>short sequence</source>
        <translation>条短序列</translation>
    </message>
    <message>
        <source>short sequences</source>
        <translation>条短序列</translation>
    </message>
    <message>
        <source>drop consecutive duplicates</source>
        <translation>去掉连续重复</translation>
    </message>
    <message>
        <source>drop sequences shorter than {n}</source>
        <translation>去掉短于 {n} 的序列</translation>
    </message>
    <message>
        <source>Only liked items go into histories (3.5 of 5 keeps 4 and 5 stars). Empty keeps every row.</source>
        <translation>只有喜欢的物品进入历史记录（5 分制下 3.5 保留 4 分和 5 分）。留空则保留所有行。</translation>
    </message>
    <message>
        <source>Split sessions after (s)</source>
        <translation>会话切分间隔（秒）</translation>
    </message>
    <message>
        <source>one history per user</source>
        <translation>每个用户一条历史</translation>
    </message>
    <message>
        <source>Start a new sequence when a user pauses longer than this many seconds.</source>
        <translation>用户停顿超过这么多秒时，开始一条新序列。</translation>
    </message>
    <message>
        <source>Minimum sequence length</source>
        <translation>最短序列长度</translation>
    </message>
    <message>
        <source>Shorter sequences are dropped: a single item teaches nothing about co-occurrence.</source>
        <translation>更短的序列会被丢弃：单个物品无法提供任何共现信息。</translation>
    </message>
    <message>
        <source>Drop repeats in a row</source>
        <translation>去掉连续重复</translation>
    </message>
    <message>
        <source>Minimum item count</source>
        <translation>物品最少出现次数</translation>
    </message>
    <message>
        <source>Items seen fewer times get no vector; becomes the training min_count.</source>
        <translation>出现次数更少的物品不会得到向量；此值成为训练的 min_count。</translation>
    </message>
    <message>
        <source>Reading ratings from {name}</source>
        <translation>正在从 {name} 读取评分</translation>
    </message>
    <message>
        <source>Could not detect the layout: {exc}</source>
        <translation>无法检测布局：{exc}</translation>
    </message>
    <message>
        <source>Detected: {v0}</source>
        <translation>检测到：{v0}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Choose an item file (titles, genres)</source>
        <translation>选择物品文件（标题、类型）</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Histories → sequences</source>
        <translation>历史记录 → 序列</translation>
    </message>
    <message>
        <source>Item file</source>
        <translation>物品文件</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>运行于</translation>
    </message>
    <message>
        <source>First {PREVIEW_ROWS} rows, split with these settings</source>
        <translation>按这些设置切分的前 {PREVIEW_ROWS} 行</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>First {sampled:,} rows: {v1}.</source>
        <translation>前 {sampled:,} 行：{v1}。</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;⚠ {v0}&lt;/b&gt;</source>
        <translation>&lt;br&gt;&lt;b&gt;⚠ {v0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Item metadata</source>
        <translation>物品元数据</translation>
    </message>
    <message>
        <source>Items (*.csv *.item *.dat *.tsv);;All files (*)</source>
        <translation>物品文件 (*.csv *.item *.dat *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Read the file and build the sequences on Spark</source>
        <translation>在 Spark 上读取文件并构建序列</translation>
    </message>
    <message>
        <source>Cannot read {path}: {exc}</source>
        <translation>无法读取 {path}：{exc}</translation>
    </message>
    <message>
        <source>column {i}</source>
        <translation>第 {i} 列</translation>
    </message>
    <message>
        <source>Lower-case</source>
        <translation>转为小写</translation>
    </message>
    <message>
        <source>Fold case so “Paris” and “paris” are one word.</source>
        <translation>统一大小写，使 “Paris” 和 “paris” 成为同一个词。</translation>
    </message>
    <message>
        <source>Strip punctuation</source>
        <translation>去除标点</translation>
    </message>
    <message>
        <source>Drop punctuation around and between words.</source>
        <translation>去掉词语周围和词语之间的标点。</translation>
    </message>
    <message>
        <source>Minimum token length</source>
        <translation>最短词元长度</translation>
    </message>
    <message>
        <source>Drop tokens shorter than this many characters.</source>
        <translation>丢弃少于这么多字符的词元。</translation>
    </message>
    <message>
        <source>Stop words</source>
        <translation>停用词</translation>
    </message>
    <message>
        <source>Words skipped when generating training samples (“the”, “of”; or “的”, “了”). auto: Chinese list for mostly-Chinese text, else English.</source>
        <translation>生成训练样本时跳过的词（“the”、“of”；或 “的”、“了”）。auto：以中文为主的文本用中文停用词表，否则用英文停用词表。</translation>
    </message>
    <message>
        <source>Extra stop-word file</source>
        <translation>额外停用词文件</translation>
    </message>
    <message>
        <source>One word a line.</source>
        <translation>每行一个词。</translation>
    </message>
    <message>
        <source>Segment Chinese (jieba)</source>
        <translation>中文分词（jieba）</translation>
    </message>
    <message>
        <source>Chinese text has no spaces: jieba splits it into words, so that 深度学习 (deep learning) can be one word. auto: when the text is mostly Chinese and not yet cut into words.</source>
        <translation>中文文本没有空格：jieba 把它切分成词，这样 深度学习 可以是一个词。auto：文本以中文为主且尚未分词时启用。</translation>
    </message>
    <message>
        <source>jieba user dictionary</source>
        <translation>jieba 用户词典</translation>
    </message>
    <message>
        <source>Extra words for the segmenter, one a line.</source>
        <translation>分词器的额外词语，每行一个。</translation>
    </message>
    <message>
        <source>auto, or an encoding name: utf-8, gb18030, latin-1, …</source>
        <translation>auto，或编码名称：utf-8、gb18030、latin-1、…</translation>
    </message>
    <message>
        <source>Sentences</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>lines: each line is a sentence; stream: the text is one stream (text8) cut into chunks; auto: lines, but very long lines are streams.</source>
        <translation>lines：每行是一个句子；stream：整个文本是一个流（如 text8），按块切分；auto：按行，但很长的行视为流。</translation>
    </message>
    <message>
        <source>Stream chunk (tokens)</source>
        <translation>流切块大小（词元）</translation>
    </message>
    <message>
        <source>Detect phrases</source>
        <translation>识别短语</translation>
    </message>
    <message>
        <source>Join frequent word pairs into one token (new_york); reads the text twice.</source>
        <translation>把高频词对合并成一个词元（new_york）；需要读取文本两遍。</translation>
    </message>
    <message>
        <source>Phrase minimum count</source>
        <translation>短语最少出现次数</translation>
    </message>
    <message>
        <source>Phrase threshold</source>
        <translation>短语阈值</translation>
    </message>
    <message>
        <source>Phrase scoring</source>
        <translation>短语打分方式</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>词语</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Phrases</source>
        <translation>短语</translation>
    </message>
    <message>
        <source>Tokenising {name}</source>
        <translation>正在分词 {name}</translation>
    </message>
    <message>
        <source>Sampling {path}</source>
        <translation>正在抽样读取 {path}</translation>
    </message>
    <message>
        <source>Learning phrases of {name}</source>
        <translation>正在学习 {name} 中的短语</translation>
    </message>
    <message>
        <source>Tokenising {name}: counting words</source>
        <translation>正在分词 {name}：统计词数</translation>
    </message>
    <message>
        <source>Tokenising {name}: counting sentences</source>
        <translation>正在分词 {name}：统计句子数</translation>
    </message>
    <message>
        <source>First {PREVIEW_LINES} sentences as tokens (separated by ·)</source>
        <translation>前 {PREVIEW_LINES} 句的分词结果（以 · 分隔）</translation>
    </message>
    <message>
        <source>(no tokens in the first lines)</source>
        <translation>（前几行中没有词元）</translation>
    </message>
    <message>
        <source>Load cancelled: {name} was not opened; what was open before stays open.</source>
        <translation>已取消加载：未打开 {name}；之前打开的内容保持不变。</translation>
    </message>
    <message>
        <source>Open a text corpus</source>
        <translation>打开文本语料</translation>
    </message>
    <message>
        <source>Text (*.txt *.cor *.gz *.bz2 *.xz);;All files (*)</source>
        <translation>文本 (*.txt *.cor *.gz *.bz2 *.xz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {path}…</source>
        <translation>正在读取 {path}…</translation>
    </message>
    <message>
        <source>Loaded {path}: {n_tokens:,} tokens</source>
        <translation>已加载 {path}：{n_tokens:,} 个词元</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Could not read {name}</source>
        <translation>无法读取 {name}</translation>
    </message>
    <message>
        <source>Open a ratings file</source>
        <translation>打开评分文件</translation>
    </message>
    <message>
        <source>Ratings (*.csv *.tsv *.dat *.data *.parquet);;All files (*)</source>
        <translation>评分 (*.csv *.tsv *.dat *.data *.parquet);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Loaded {path}: {n_sentences:,} sequences of {n_words:,} items</source>
        <translation>已加载 {path}：{n_sentences:,} 条序列，{n_words:,} 个物品</translation>
    </message>
    <message>
        <source>ratings</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Open vectors to explore</source>
        <translation>打开要探索的向量</translation>
    </message>
    <message>
        <source>Vectors (*.txt *.vec *.bin *.w2v *.npy *.npz *.tsv *.csv);;All files (*)</source>
        <translation>向量 (*.txt *.vec *.bin *.w2v *.npy *.npz *.tsv *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Opened {n_vectors:,} vectors of {dim} dimensions</source>
        <translation>已打开 {n_vectors:,} 个 {dim} 维向量</translation>
    </message>
    <message>
        <source>Could not open {name}</source>
        <translation>无法打开 {name}</translation>
    </message>
    <message>
        <source>open the model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Open a model to continue training</source>
        <translation>打开模型以继续训练</translation>
    </message>
    <message>
        <source>Models (*{MODEL_SUFFIX});;All files (*)</source>
        <translation>模型 (*{MODEL_SUFFIX});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Opened model {name} ({n_vocab:,} names, {epochs_trained}); open new data and Train to continue</source>
        <translation>已打开模型 {name}（{n_vocab:,} 个名称，{epochs_trained}）；打开新数据并点击“训练”即可继续</translation>
    </message>
    <message>
        <source>epoch</source>
        <comment>counted</comment>
        <translation>轮</translation>
    </message>
    <message>
        <source>epochs</source>
        <comment>counted</comment>
        <translation>轮</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <source>Wait until training ends (or stop it), then {doing}.</source>
        <translation>请等训练结束（或停止训练）后再{doing}。</translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation>没有可保存的内容</translation>
    </message>
    <message>
        <source>Train a model (or open one) first.</source>
        <translation>请先训练（或打开）一个模型。</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>Models (*{MODEL_SUFFIX})</source>
        <translation>模型 (*{MODEL_SUFFIX})</translation>
    </message>
    <message>
        <source>Could not save the model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>已导出 {path}</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>没有可导出的内容</translation>
    </message>
    <message>
        <source>Train, or open, vectors first.</source>
        <translation>请先训练或打开向量。</translation>
    </message>
    <message>
        <source>Output vectors exist only after negative-sampling training.</source>
        <translation>只有负采样训练之后才有输出向量。</translation>
    </message>
    <message>
        <source>Export {label}</source>
        <translation>导出 {label}</translation>
    </message>
    <message>
        <source>{label} (*{suffix});;All files (*)</source>
        <translation>{label} (*{suffix});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not export {label}</source>
        <translation>无法导出 {label}</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Projects (*{SUFFIX})</source>
        <translation>项目 (*{SUFFIX})</translation>
    </message>
    <message>
        <source>Could not save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>open the project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Projects (*{SUFFIX});;All files (*)</source>
        <translation>项目 (*{SUFFIX});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a file outside the project&apos;s folder?</source>
        <translation>要打开项目文件夹之外的文件吗？</translation>
    </message>
    <message>
        <source>{name} refers to a file outside its folder:

{field}: {target}

Open the project and read that file anyway? Only do this for projects you trust.</source>
        <translation>{name} 引用了其文件夹之外的文件：

{field}：{target}

仍然打开项目并读取该文件吗？请只对你信任的项目这样做。</translation>
    </message>
    <message>
        <source>comma-separated words</source>
        <translation>逗号分隔的词</translation>
    </message>
    <message>
        <source>No Chinese font found: install {package} (e.g. sudo apt install {package}) and restart.</source>
        <translation>未找到中文字体：请安装 {package}（例如 sudo apt install {package}）后重新启动。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Task failed</source>
        <translation>任务失败</translation>
    </message>
    <message>
        <source>Failed: {text}</source>
        <translation>失败：{text}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Neighbours</source>
        <translation>近邻</translation>
    </message>
    <message>
        <source>Analogy</source>
        <translation>类比</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>度量</translation>
    </message>
    <message>
        <source>Projection</source>
        <translation>投影</translation>
    </message>
    <message>
        <source>Recs</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open text corpus…</source>
        <translation>打开文本语料(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;ratings file…</source>
        <translation>打开评分文件(&amp;R)…</translation>
    </message>
    <message>
        <source>Open &amp;vectors to explore…</source>
        <translation>打开要探索的向量(&amp;V)…</translation>
    </message>
    <message>
        <source>Open Spar&amp;k model folder…</source>
        <translation>打开 Spark 模型文件夹(&amp;K)…</translation>
    </message>
    <message>
        <source>Open &amp;model to continue training…</source>
        <translation>打开模型以继续训练(&amp;M)…</translation>
    </message>
    <message>
        <source>Open r&amp;ecent</source>
        <translation>最近打开(&amp;E)</translation>
    </message>
    <message>
        <source>Recent e&amp;xports</source>
        <translation>最近导出(&amp;X)</translation>
    </message>
    <message>
        <source>Open &amp;project…</source>
        <translation>打开项目(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save project…</source>
        <translation>保存项目(&amp;S)…</translation>
    </message>
    <message>
        <source>Save &amp;model…</source>
        <translation>保存模型(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Export vectors</source>
        <translation>导出向量(&amp;E)</translation>
    </message>
    <message>
        <source>Export output vectors (W&amp;2)</source>
        <translation>导出输出向量 W2(&amp;2)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Use &amp;text defaults</source>
        <translation>使用文本默认值(&amp;T)</translation>
    </message>
    <message>
        <source>Use &amp;item defaults</source>
        <translation>使用物品默认值(&amp;I)</translation>
    </message>
    <message>
        <source>Open the sample &amp;corpus</source>
        <translation>打开示例语料(&amp;C)</translation>
    </message>
    <message>
        <source>Open the sample &amp;ratings…</source>
        <translation>打开示例评分(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Find in this tab</source>
        <translation>在此标签页中查找(&amp;F)</translation>
    </message>
    <message>
        <source>Word in &amp;context…</source>
        <translation>上下文中的词(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Go to tab</source>
        <translation>转到标签页(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Applies on the next start</source>
        <translation>下次启动时生效</translation>
    </message>
    <message>
        <source>The language changes when w2v-desktop is next started.</source>
        <translation>语言将在下次启动 w2v-desktop 时切换。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <source>Training: {value}</source>
        <translation>训练：{value}</translation>
    </message>
    <message>
        <source> (showing {name})</source>
        <translation>（显示 {name}）</translation>
    </message>
    <message>
        <source>{line} — see the neighbours in the Neighbours tab{shown}, or save with File › Save model</source>
        <translation>{line} — 在“近邻”标签页查看近邻{shown}，或通过 文件 › 保存模型 保存</translation>
    </message>
    <message>
        <source>Open a Spark ML Word2VecModel folder</source>
        <translation>打开 Spark ML Word2VecModel 文件夹</translation>
    </message>
    <message>
        <source>paris, money, bicycle</source>
        <translation>巴黎, 钱, 自行车</translation>
    </message>
    <message>
        <source>About w2v-desktop</source>
        <translation>关于 w2v-desktop</translation>
    </message>
    <message>
        <source>&lt;b&gt;w2v-desktop {__version__}&lt;/b&gt;&lt;p&gt;Train word2vec-style vectors of text and user-item interactions, and explore and export them.&lt;/p&gt;</source>
        <translation>&lt;b&gt;w2v-desktop {__version__}&lt;/b&gt;&lt;p&gt;为文本和用户-物品交互训练 word2vec 式的向量，并探索和导出它们。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Save the trained model?</source>
        <translation>保存训练好的模型吗？</translation>
    </message>
    <message>
        <source>The model trained in this session has not been saved.</source>
        <translation>本次会话中训练的模型尚未保存。</translation>
    </message>
    <message>
        <source>Save it to continue training it or explore it later; discarded, it is gone when the window closes.</source>
        <translation>保存后可以继续训练或以后再探索；若放弃，关闭窗口后它就没有了。</translation>
    </message>
    <message>
        <source>Analogy questions (a b c d)</source>
        <translation>类比题（a b c d）</translation>
    </message>
    <message>
        <source>Word pairs with human scores</source>
        <translation>带人工评分的词对</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>only the 30,000 most frequent</source>
        <translation>仅限最常见的 30,000 个</translation>
    </message>
    <message>
        <source>Solve</source>
        <translation>求解</translation>
    </message>
    <message>
        <source>Fill in a, b and c (e.g. man, king, woman), then press Solve.</source>
        <translation>填写 a、b 和 c（例如 man、king、woman），然后点击“求解”。</translation>
    </message>
    <message>
        <source>questions-words.txt, wordsim353.tsv, simlex999.txt…</source>
        <translation>questions-words.txt、wordsim353.tsv、simlex999.txt…</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source> most frequent</source>
        <translation> 个最常见的</translation>
    </message>
    <message>
        <source>Run benchmark</source>
        <translation>运行评测</translation>
    </message>
    <message>
        <source>Choose a benchmark file and run it.</source>
        <translation>选择一个评测文件并运行。</translation>
    </message>
    <message>
        <source>Accuracy per section, or the correlation, will be drawn here.</source>
        <translation>各部分的准确率或相关系数将绘制在这里。</translation>
    </message>
    <message>
        <source>Analogy: a is to b as c is to ?</source>
        <translation>类比：a 之于 b，如同 c 之于 ?</translation>
    </message>
    <message>
        <source>is to b</source>
        <translation>之于 b</translation>
    </message>
    <message>
        <source>as c</source>
        <translation>如同 c</translation>
    </message>
    <message>
        <source>is to ?</source>
        <translation>之于 ?</translation>
    </message>
    <message>
        <source>Benchmark file</source>
        <translation>评测文件</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Analogies over:</source>
        <translation>类比范围：</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Not in the vocabulary: </source>
        <translation>不在词表中：</translation>
    </message>
    <message>
        <source>Benchmarks (*.txt *.tsv *.csv);;All files (*)</source>
        <translation>评测文件 (*.txt *.tsv *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No such file: {path!r}</source>
        <translation>文件不存在：{path!r}</translation>
    </message>
    <message>
        <source>Choose a benchmark file first.</source>
        <translation>请先选择一个评测文件。</translation>
    </message>
    <message>
        <source>Benchmark failed</source>
        <translation>评测失败</translation>
    </message>
    <message>
        <source>Running {v0}…</source>
        <translation>正在运行 {v0}…</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;: no question could be answered: every one has a word outside the {v1:,} most frequent names.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;：没有能回答的题目：每道题都有词不在最常见的 {v1:,} 个名称之内。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;: accuracy &lt;b&gt;{v1:.1f}%&lt;/b&gt; ({correct:,} of {answered:,} questions answered correctly; {skipped:,} skipped because a word is not among the {v5:,} most frequent).</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;：准确率 &lt;b&gt;{v1:.1f}%&lt;/b&gt;（答对 {correct:,} / {answered:,} 道题；{skipped:,} 道因有词不在最常见的 {v5:,} 个之内而跳过）。</translation>
    </message>
    <message>
        <source>Accuracy per section ({method})</source>
        <translation>各部分准确率（{method}）</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>准确率 (%)</translation>
    </message>
    <message>
        <source>{v0:.1f}% correct</source>
        <translation>正确率 {v0:.1f}%</translation>
    </message>
    <message>
        <source>analogies</source>
        <translation>类比</translation>
    </message>
    <message>
        <source>{v0:.0f}% of questions</source>
        <translation>占题目的 {v0:.0f}%</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;: Spearman ρ = &lt;b&gt;{spearman:.3f}&lt;/b&gt;, Pearson r = &lt;b&gt;{pearson:.3f}&lt;/b&gt; over {n_pairs:,} pairs ({oov:,} pairs skipped as out of vocabulary, {v5:.0f}%).</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;：Spearman ρ = &lt;b&gt;{spearman:.3f}&lt;/b&gt;，Pearson r = &lt;b&gt;{pearson:.3f}&lt;/b&gt;，共 {n_pairs:,} 对（{oov:,} 对因不在词表中而跳过，{v5:.0f}%）。</translation>
    </message>
    <message>
        <source>Spearman ρ</source>
        <translation>Spearman ρ</translation>
    </message>
    <message>
        <source>Pearson r</source>
        <translation>Pearson r</translation>
    </message>
    <message>
        <source>Correlation of cosine similarity with human scores</source>
        <translation>余弦相似度与人工评分的相关性</translation>
    </message>
    <message>
        <source>correlation</source>
        <translation>相关系数</translation>
    </message>
    <message>
        <source>word pairs</source>
        <translation>词对</translation>
    </message>
    <message>
        <source>{v0:.0f}% of pairs</source>
        <translation>占词对的 {v0:.0f}%</translation>
    </message>
    <message>
        <source>No second run loaded.</source>
        <translation>未加载第二次运行。</translation>
    </message>
    <message>
        <source>Load second run…</source>
        <translation>加载第二次运行…</translation>
    </message>
    <message>
        <source>overlap@k, k = </source>
        <translation>overlap@k，k = </translation>
    </message>
    <message>
        <source>the </source>
        <translation>最常见的 </translation>
    </message>
    <message>
        <source> most frequent shared names</source>
        <translation> 个共有名称</translation>
    </message>
    <message>
        <source>Align and compare</source>
        <translation>对齐并比较</translation>
    </message>
    <message>
        <source>Show on the map</source>
        <translation>在地图上显示</translation>
    </message>
    <message>
        <source>Both runs on one map (PCA of the current run and the aligned second run), with arrows for the names that moved most</source>
        <translation>两次运行画在同一张地图上（当前运行与对齐后的第二次运行一起做 PCA），用箭头标出移动最多的名称</translation>
    </message>
    <message>
        <source>filter names…</source>
        <translation>筛选名称…</translation>
    </message>
    <message>
        <source>Load a second vectors file trained on the same data (another seed, another setting, a later date) to see which names moved.</source>
        <translation>加载在同一数据上训练的第二个向量文件（另一个种子、另一种设置或更晚的日期），查看哪些名称移动了。</translation>
    </message>
    <message>
        <source>Current run</source>
        <translation>当前运行</translation>
    </message>
    <message>
        <source>Second run</source>
        <translation>第二次运行</translation>
    </message>
    <message>
        <source>Load a second run, then press “Align and compare”: the names that moved most are listed here.</source>
        <translation>加载第二次运行，然后点击“对齐并比较”：移动最大的名称会列在这里。</translation>
    </message>
    <message>
        <source>Select a name on the left to see its nearest names in this run.</source>
        <translation>在左侧选择一个名称，查看它在此次运行中的近邻。</translation>
    </message>
    <message>
        <source>The current vectors changed: press Align and compare again.</source>
        <translation>当前向量已改变：请再次点击“对齐并比较”。</translation>
    </message>
    <message>
        <source>Second run&apos;s vectors</source>
        <translation>第二次运行的向量</translation>
    </message>
    <message>
        <source>Vectors files (*.txt *.vec *.bin *.npz *.npy *.tsv *.csv);;All files (*)</source>
        <translation>向量文件 (*.txt *.vec *.bin *.npz *.npy *.tsv *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {v0}…</source>
        <translation>正在读取 {v0}…</translation>
    </message>
    <message>
        <source>Could not read the vectors file</source>
        <translation>无法读取向量文件</translation>
    </message>
    <message>
        <source>&lt;b&gt;{v0}&lt;/b&gt;: {n_vectors:,} names × {dim} dimensions; {v3} shared with the current run.</source>
        <translation>&lt;b&gt;{v0}&lt;/b&gt;：{n_vectors:,} 个名称 × {dim} 维；与当前运行共有 {v3} 个。</translation>
    </message>
    <message>
        <source>second run</source>
        <translation>第二次运行</translation>
    </message>
    <message>
        <source>name</source>
        <comment>counted</comment>
        <translation>个名称</translation>
    </message>
    <message>
        <source>names</source>
        <comment>counted</comment>
        <translation>个名称</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Second run ({v0})</source>
        <translation>第二次运行（{v0}）</translation>
    </message>
    <message>
        <source>Training a second run with seed {seed}…</source>
        <translation>正在用种子 {seed} 训练第二次运行…</translation>
    </message>
    <message>
        <source>Second run failed</source>
        <translation>第二次运行失败</translation>
    </message>
    <message>
        <source>same data, seed {seed}</source>
        <translation>同一数据，种子 {seed}</translation>
    </message>
    <message>
        <source>Aligning…</source>
        <translation>正在对齐…</translation>
    </message>
    <message>
        <source>Comparison failed</source>
        <translation>比较失败</translation>
    </message>
    <message>
        <source>current run</source>
        <translation>当前运行</translation>
    </message>
    <message>
        <source>Laying out both runs on one map…</source>
        <translation>正在把两次运行布置到同一张地图上…</translation>
    </message>
    <message>
        <source>Could not map the two runs</source>
        <translation>无法绘制两次运行的地图</translation>
    </message>
    <message>
        <source>{n_names:,} shared names compared. Mean neighbour overlap@{k}: &lt;b&gt;{v2:.2f}&lt;/b&gt; (1 = same neighbours in both runs); mean cosine distance moved after alignment: &lt;b&gt;{v3:.3f}&lt;/b&gt;. </source>
        <translation>比较了 {n_names:,} 个共有名称。平均近邻 overlap@{k}：&lt;b&gt;{v2:.2f}&lt;/b&gt;（1 = 两次运行的近邻相同）；对齐后平均移动的余弦距离：&lt;b&gt;{v3:.3f}&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>The table lists the {MAX_ROWS:,} that moved most; </source>
        <translation>表中列出移动最大的 {MAX_ROWS:,} 个；</translation>
    </message>
    <message>
        <source>sorted by distance moved; click a column header to sort by another.</source>
        <translation>按移动距离排序；点击列标题可按其他列排序。</translation>
    </message>
    <message>
        <source>overlap@{k}</source>
        <translation>overlap@{k}</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>移动距离</translation>
    </message>
    <message>
        <source>Current run: neighbours of &lt;b&gt;{v0}&lt;/b&gt; ({n_both} of {k} in both runs)</source>
        <translation>当前运行：&lt;b&gt;{v0}&lt;/b&gt; 的近邻（{k} 个中有 {n_both} 个在两次运行中都有）</translation>
    </message>
    <message>
        <source>Words (or items) seen fewer than min_count times are dropped before training: they get no vector and are skipped in the sentences. Rare words learn poor vectors and inflate the vocabulary; for item data, too high a value leaves few items.</source>
        <translation>出现次数少于 min_count 的词（或物品）会在训练前被丢弃：它们没有向量，并在句子中被跳过。罕见词学到的向量质量差，还会让词表膨胀；对于物品数据，值过高会只剩很少的物品。</translation>
    </message>
    <message>
        <source>Keep at most this many of the most frequent words (none: no limit).</source>
        <translation>最多保留这么多个最常见的词（无：不限）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;No data yet.&lt;/b&gt;&lt;br&gt;&lt;br&gt;Open a text corpus or a ratings file to train on (the buttons above, or the File menu), or open vectors to explore (File → Open vectors…).&lt;br&gt;Drop any of them on the window to open it.</source>
        <translation>&lt;b&gt;还没有数据。&lt;/b&gt;&lt;br&gt;&lt;br&gt;打开文本语料或评分文件进行训练（上面的按钮或“文件”菜单），或打开向量进行探索（文件 → 打开向量…）。&lt;br&gt;也可以把文件拖到窗口上打开。</translation>
    </message>
    <message>
        <source>No data loaded.</source>
        <translation>未加载数据。</translation>
    </message>
    <message>
        <source>Open text…</source>
        <translation>打开文本…</translation>
    </message>
    <message>
        <source>Open ratings…</source>
        <translation>打开评分…</translation>
    </message>
    <message>
        <source>Word frequency by rank (Zipf)</source>
        <translation>词频与排名（Zipf）</translation>
    </message>
    <message>
        <source>rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Sentence length</source>
        <translation>句子长度</translation>
    </message>
    <message>
        <source>tokens per sentence</source>
        <translation>每句词元数</translation>
    </message>
    <message>
        <source>sentences</source>
        <translation>句子数</translation>
    </message>
    <message>
        <source>min_count</source>
        <translation>min_count</translation>
    </message>
    <message>
        <source>max_vocab</source>
        <translation>max_vocab</translation>
    </message>
    <message>
        <source>Vocabulary filter</source>
        <translation>词表过滤</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Could not summarise the vectors</source>
        <translation>无法汇总向量</translation>
    </message>
    <message>
        <source>{n_vectors:,} names × {dim} dimensions</source>
        <translation>{n_vectors:,} 个名称 × {dim} 维</translation>
    </message>
    <message>
        <source>with frequencies</source>
        <translation>带词频</translation>
    </message>
    <message>
        <source>no frequencies (rows in file order)</source>
        <translation>无词频（按文件中的行序）</translation>
    </message>
    <message>
        <source>zero vector</source>
        <comment>counted</comment>
        <translation>个零向量</translation>
    </message>
    <message>
        <source>zero vectors</source>
        <comment>counted</comment>
        <translation>个零向量</translation>
    </message>
    <message>
        <source>Training data: {v0} (Train uses it).</source>
        <translation>训练数据：{v0}（训练时使用）。</translation>
    </message>
    <message>
        <source>Opened without a corpus: open one to train, or to see words in context.</source>
        <translation>未带语料打开：打开语料即可训练，或查看词语的上下文。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{v1}&lt;br&gt;{data}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{v1}&lt;br&gt;{data}</translation>
    </message>
    <message>
        <source>Summarising {v0}…</source>
        <translation>正在汇总 {v0}…</translation>
    </message>
    <message>
        <source>Could not summarise the corpus</source>
        <translation>无法汇总语料</translation>
    </message>
    <message>
        <source>Sequence length</source>
        <translation>序列长度</translation>
    </message>
    <message>
        <source>sequences</source>
        <translation>序列数</translation>
    </message>
    <message>
        <source>items per sequence</source>
        <translation>每条序列的物品数</translation>
    </message>
    <message>
        <source>Item frequency by rank (Zipf)</source>
        <translation>物品频次与排名（Zipf）</translation>
    </message>
    <message>
        <source>First sequences:</source>
        <translation>前几条序列：</translation>
    </message>
    <message>
        <source>First sentences:</source>
        <translation>前几个句子：</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{n_sentences:,} {unit}, {n_tokens:,} tokens, {n_types:,} distinct</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{n_sentences:,} {unit}，{n_tokens:,} 个词元，{n_types:,} 个不同词</translation>
    </message>
    <message>
        <source>Keeps &lt;b&gt;{kept_types:,}&lt;/b&gt; of {total_types:,} distinct words ({share:.0%}), covering &lt;b&gt;{coverage:.1%}&lt;/b&gt; of {total_tokens:,} tokens.&lt;br&gt;Drops {v5} seen fewer than {v6} ({v7}).</source>
        <translation>保留 {total_types:,} 个不同词中的 &lt;b&gt;{kept_types:,}&lt;/b&gt; 个（{share:.0%}），覆盖 {total_tokens:,} 个词元中的 &lt;b&gt;{coverage:.1%}&lt;/b&gt;。&lt;br&gt;丢弃出现次数少于 {v6} 的 {v5}（{v7}）。</translation>
    </message>
    <message>
        <source>word</source>
        <comment>counted</comment>
        <translation>个词</translation>
    </message>
    <message>
        <source>words</source>
        <comment>counted</comment>
        <translation>个词</translation>
    </message>
    <message>
        <source>token</source>
        <comment>counted</comment>
        <translation>个词元</translation>
    </message>
    <message>
        <source>tokens</source>
        <comment>counted</comment>
        <translation>个词元</translation>
    </message>
    <message>
        <source>time</source>
        <translation>次</translation>
    </message>
    <message>
        <source>times</source>
        <translation>次</translation>
    </message>
    <message>
        <source>k-occurrence (times in a query&apos;s top-k)</source>
        <translation>k-出现次数（出现在查询 top-k 中的次数）</translation>
    </message>
    <message>
        <source>names (log scale)</source>
        <translation>名称数（对数刻度）</translation>
    </message>
    <message>
        <source>corpus frequency (log scale)</source>
        <translation>语料频次（对数刻度）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Agreement&lt;/b&gt; between two metrics&apos; top-k lists of the query. &lt;b&gt;overlap@k&lt;/b&gt;: the share of names both lists hold (1: the same names). &lt;b&gt;Kendall τ&lt;/b&gt;: how alike their orders are, from −1 (reversed) to 1 (the same).</source>
        <translation>&lt;b&gt;一致性&lt;/b&gt;：两种度量对查询给出的 top-k 列表的一致程度。&lt;b&gt;overlap@k&lt;/b&gt;：两个列表共有名称的比例（1：名称相同）。&lt;b&gt;Kendall τ&lt;/b&gt;：两者顺序的相似程度，从 −1（相反）到 1（相同）。</translation>
    </message>
    <message>
        <source>Compare metrics</source>
        <translation>比较度量</translation>
    </message>
    <message>
        <source>Shading: how many metrics have this name in their top-k.</source>
        <translation>底色：有多少种度量把这个名称排在 top-k 中。</translation>
    </message>
    <message>
        <source>How much the metrics&apos; lists agree will be drawn here.</source>
        <translation>各度量列表的一致程度将绘制在这里。</translation>
    </message>
    <message>
        <source>Type a name and press “Compare metrics” to see its nearest names under every metric.</source>
        <translation>输入一个名称并点击“比较度量”，查看它在每种度量下的近邻。</translation>
    </message>
    <message>
        <source>sample </source>
        <translation>抽样 </translation>
    </message>
    <message>
        <source> names</source>
        <translation> 个名称</translation>
    </message>
    <message>
        <source>Compute hubness and norms</source>
        <translation>计算中心性（hubness）和范数</translation>
    </message>
    <message>
        <source>Hubness</source>
        <translation>中心性（hubness）</translation>
    </message>
    <message>
        <source>Norm vs frequency</source>
        <translation>范数与词频</translation>
    </message>
    <message>
        <source>vector norm</source>
        <translation>向量范数</translation>
    </message>
    <message>
        <source>Query:</source>
        <translation>查询：</translation>
    </message>
    <message>
        <source>agreement:</source>
        <translation>一致性：</translation>
    </message>
    <message>
        <source>Whole-space diagnostics</source>
        <translation>全空间诊断</translation>
    </message>
    <message>
        <source>Hubness:</source>
        <translation>中心性：</translation>
    </message>
    <message>
        <source>Press “Compute hubness and norms”</source>
        <translation>请点击“计算中心性（hubness）和范数”</translation>
    </message>
    <message>
        <source>{press} to count how often each name is among others&apos; nearest names.</source>
        <translation>{press}，统计每个名称出现在其他名称近邻中的次数。</translation>
    </message>
    <message>
        <source>{press} to plot vector length against frequency.</source>
        <translation>{press}，绘制向量长度与词频的关系。</translation>
    </message>
    <message>
        <source>{v0!r} is not in the vocabulary.</source>
        <translation>{v0!r} 不在词表中。</translation>
    </message>
    <message>
        <source>Comparing the metrics failed</source>
        <translation>比较度量失败</translation>
    </message>
    <message>
        <source>Searching the neighbours of &lt;b&gt;{v0}&lt;/b&gt; under {n_METRICS} metrics…</source>
        <translation>正在用 {n_METRICS} 种度量搜索 &lt;b&gt;{v0}&lt;/b&gt; 的近邻…</translation>
    </message>
    <message>
        <source>Top {k} neighbours of &lt;b&gt;{v1}&lt;/b&gt; under each metric (darker cells: found by more metrics).</source>
        <translation>&lt;b&gt;{v1}&lt;/b&gt; 在每种度量下的前 {k} 个近邻（颜色越深：被越多度量找到）。</translation>
    </message>
    <message>
        <source>{metric}: {score:.4g}; in the top-k of {shared} of {n_metrics} metrics</source>
        <translation>{metric}：{score:.4g}；在 {n_metrics} 种度量中有 {shared} 种的 top-k 包含它</translation>
    </message>
    <message>
        <source>{label} between metrics&apos; top-{v1}</source>
        <translation>各度量 top-{v1} 之间的{label}</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Hubness failed</source>
        <translation>中心性计算失败</translation>
    </message>
    <message>
        <source>Hubness (k={k}): skewness {skew:.2f}</source>
        <translation>中心性（k={k}）：偏度 {skew:.2f}</translation>
    </message>
    <message>
        <source>{n_queries:,} query names. Biggest hubs: {hubs}</source>
        <translation>{n_queries:,} 个查询名称。最大的中心点：{hubs}</translation>
    </message>
    <message>
        <source>Norm vs frequency: these vectors carry no frequencies</source>
        <translation>范数与词频：这些向量不带词频</translation>
    </message>
    <message>
        <source>These vectors carry no frequencies (counts): there is no norm-against-frequency plot to draw.</source>
        <translation>这些向量不带词频（计数）：无法绘制范数与词频的关系图。</translation>
    </message>
    <message>
        <source>Norm vs frequency: Spearman ρ = {spearman:.2f}</source>
        <translation>范数与词频：Spearman ρ = {spearman:.2f}</translation>
    </message>
    <message>
        <source>a word or item, e.g. computer</source>
        <translation>一个词或物品，例如 电脑</translation>
    </message>
    <message>
        <source>Find neighbours</source>
        <translation>查找近邻</translation>
    </message>
    <message>
        <source>only the</source>
        <translation>仅限</translation>
    </message>
    <message>
        <source>most frequent</source>
        <translation>最常见的</translation>
    </message>
    <message>
        <source>Type a name above and press Enter to see its nearest names.</source>
        <translation>在上方输入一个名称并按回车，查看它的近邻。</translation>
    </message>
    <message>
        <source>Build approximate index</source>
        <translation>构建近似索引</translation>
    </message>
    <message>
        <source>PyNNDescent: seconds to minutes for large vocabularies; runs in the background</source>
        <translation>PyNNDescent：词表很大时需要几秒到几分钟；在后台运行</translation>
    </message>
    <message>
        <source>approximate</source>
        <translation>近似</translation>
    </message>
    <message>
        <source>Exact search.</source>
        <translation>精确搜索。</translation>
    </message>
    <message>
        <source>metric:</source>
        <translation>度量：</translation>
    </message>
    <message>
        <source>first rows</source>
        <translation>前几行</translation>
    </message>
    <message>
        <source>a name, e.g. {v0}</source>
        <translation>一个名称，例如 {v0}</translation>
    </message>
    <message>
        <source>An example to start with: type any name above, or double-click a row to see its neighbours.</source>
        <translation>先看一个示例：在上方输入任意名称，或双击某一行查看它的近邻。</translation>
    </message>
    <message>
        <source> (approximate)</source>
        <translation>（近似）</translation>
    </message>
    <message>
        <source>Double-click a row to see its neighbours.</source>
        <translation>双击某一行查看它的近邻。</translation>
    </message>
    <message>
        <source>Exact search: the index was built for {metric} (build it again for {v1}).</source>
        <translation>精确搜索：索引是为 {metric} 构建的（请为 {v1} 重新构建）。</translation>
    </message>
    <message>
        <source>Exact search: the index covers all names, not only the most frequent.</source>
        <translation>精确搜索：索引覆盖所有名称，而不只是最常见的。</translation>
    </message>
    <message>
        <source>Building a PyNNDescent index ({metric}) over {n_vectors:,} names… exact search meanwhile.</source>
        <translation>正在为 {n_vectors:,} 个名称构建 PyNNDescent 索引（{metric}）… 期间使用精确搜索。</translation>
    </message>
    <message>
        <source>Building the approximate index failed</source>
        <translation>构建近似索引失败</translation>
    </message>
    <message>
        <source>PyNNDescent index ({metric}), built in {build_seconds:.1f} s: recall@10 {recall:.3f} against exact search on {queries:,} sampled queries.</source>
        <translation>PyNNDescent 索引（{metric}），用时 {build_seconds:.1f} 秒构建：在 {queries:,} 个抽样查询上相对精确搜索的 recall@10 为 {recall:.3f}。</translation>
    </message>
    <message>
        <source>seen </source>
        <translation>出现 </translation>
    </message>
    <message>
        <source>among the {restrict:,} most frequent</source>
        <translation>在最常见的 {restrict:,} 个之中</translation>
    </message>
    <message>
        <source>among all {n_vectors:,} names</source>
        <translation>在全部 {n_vectors:,} 个名称之中</translation>
    </message>
    <message>
        <source> — neighbours {scope}</source>
        <translation> — 近邻{scope}</translation>
    </message>
    <message>
        <source>Type a name to search for.</source>
        <translation>输入要搜索的名称。</translation>
    </message>
    <message>
        <source>{text!r} is not in the vocabulary ({vocabulary_size:,} names).</source>
        <translation>{text!r} 不在词表中（{vocabulary_size:,} 个名称）。</translation>
    </message>
    <message>
        <source>principal component</source>
        <translation>主成分</translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <source>single colour</source>
        <translation>单一颜色</translation>
    </message>
    <message>
        <source>trust score</source>
        <translation>可信度</translation>
    </message>
    <message>
        <source>count (log scale)</source>
        <translation>计数（对数刻度）</translation>
    </message>
    <message>
        <source>reading columns…</source>
        <translation>正在读取列…</translation>
    </message>
    <message>
        <source>Colour every point that has this value; the rest grey</source>
        <translation>为具有此值的每个点着色；其余为灰色</translation>
    </message>
    <message>
        <source>Could not read the metadata columns</source>
        <translation>无法读取元数据列</translation>
    </message>
    <message>
        <source>each point by its most common value</source>
        <translation>每个点按其最常见的值</translation>
    </message>
    <message>
        <source>every value</source>
        <translation>所有值</translation>
    </message>
    <message>
        <source>{value} ({n:,})</source>
        <translation>{value}（{n:,}）</translation>
    </message>
    <message>
        <source>trust</source>
        <translation>可信度</translation>
    </message>
    <message>
        <source>log10 count</source>
        <translation>log10 计数</translation>
    </message>
    <message>
        <source>name, most frequent first</source>
        <translation>名称，最常见的优先</translation>
    </message>
    <message>
        <source>The most frequent</source>
        <translation>最常见的</translation>
    </message>
    <message>
        <source>Neighbourhood of</source>
        <translation>邻域：</translation>
    </message>
    <message>
        <source>These names:</source>
        <translation>这些名称：</translation>
    </message>
    <message>
        <source>a name</source>
        <translation>一个名称</translation>
    </message>
    <message>
        <source>with </source>
        <translation>取 </translation>
    </message>
    <message>
        <source> nearest</source>
        <translation> 个近邻</translation>
    </message>
    <message>
        <source>one name per line, or separated by commas/spaces</source>
        <translation>每行一个名称，或用逗号/空格分隔</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>投影</translation>
    </message>
    <message>
        <source>Choose points and a method, then Project.</source>
        <translation>选择点和方法，然后点击“投影”。</translation>
    </message>
    <message>
        <source>highlight names containing…</source>
        <translation>高亮包含以下文字的名称…</translation>
    </message>
    <message>
        <source>What labels say, and which points get one first when not all fit</source>
        <translation>标签显示什么，以及放不下时哪些点优先显示标签</translation>
    </message>
    <message>
        <source>Search highlights and labels names containing the text.</source>
        <translation>搜索会高亮并标注包含该文字的名称。</translation>
    </message>
    <message>
        <source>Picture (PNG/SVG)…</source>
        <translation>图片 (PNG/SVG)…</translation>
    </message>
    <message>
        <source>Coordinates and metadata as CSV, the Embedding Projector&apos;s TSV pair, or a parquet table with neighbours for Embedding Atlas</source>
        <translation>坐标和元数据导出为 CSV、Embedding Projector 的 TSV 文件对，或带近邻列的 parquet 表（供 Embedding Atlas 使用）</translation>
    </message>
    <message>
        <source>Cannot project: {reason}</source>
        <translation>无法投影：{reason}</translation>
    </message>
    <message>
        <source>Projection failed</source>
        <translation>投影失败</translation>
    </message>
    <message>
        <source>Projecting with {parameters}…</source>
        <translation>正在投影：{parameters}…</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>无定义</translation>
    </message>
    <message>
        <source>point</source>
        <translation>个点</translation>
    </message>
    <message>
        <source>points</source>
        <translation>个点</translation>
    </message>
    <message>
        <source>{points}; mean trust {trust} (share of each point&apos;s 10 nearest neighbours kept on the map; {note}).</source>
        <translation>{points}；平均可信度 {trust}（每个点的 10 个最近邻在地图上仍保留的比例；{note}）。</translation>
    </message>
    <message>
        <source>{points} match {v1!r}.</source>
        <translation>{points}匹配 {v1!r}。</translation>
    </message>
    <message>
        <source>Could not export the map</source>
        <translation>无法导出地图</translation>
    </message>
    <message>
        <source>Writing the map to {path}…</source>
        <translation>正在把地图写入 {path}…</translation>
    </message>
    <message>
        <source>Wrote {n_names:,} points to {path}</source>
        <translation>已将 {n_names:,} 个点写入 {path}</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点</translation>
    </message>
    <message>
        <source>Map data…</source>
        <translation>地图数据…</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>值：</translation>
    </message>
    <message>
        <source>Search:</source>
        <translation>搜索：</translation>
    </message>
    <message>
        <source>Label by:</source>
        <translation>标签依据：</translation>
    </message>
    <message>
        <source> Not in the vocabulary ({n_unknown}): {v1}</source>
        <translation> 不在词表中（{n_unknown}）：{v1}</translation>
    </message>
    <message>
        <source>Fewer than 3 known names.</source>
        <translation>已知名称少于 3 个。</translation>
    </message>
    <message>
        <source>Paste at least 3 names.</source>
        <translation>请粘贴至少 3 个名称。</translation>
    </message>
    <message>
        <source>previous map — computing {method}…</source>
        <translation>上一张地图 — 正在计算 {method}…</translation>
    </message>
    <message>
        <source>{method} of {n} names — {percent}%…</source>
        <translation>{method}：{n} 个名称 — {percent}%…</translation>
    </message>
    <message>
        <source>{method} of {n} names</source>
        <translation>{method}：{n} 个名称</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>&lt;b&gt;No rating data loaded.&lt;/b&gt;&lt;br&gt;&lt;br&gt;Open a ratings file (MovieLens u.data, ratings.csv, any user,item[,rating,time] file), train item vectors on it, then pick a user here.</source>
        <translation>&lt;b&gt;未加载评分数据。&lt;/b&gt;&lt;br&gt;&lt;br&gt;打开一个评分文件（MovieLens u.data、ratings.csv 或任何 user,item[,rating,time] 文件），在其上训练物品向量，然后在这里选择一个用户。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rating data loaded, but no item vectors yet.&lt;/b&gt;&lt;br&gt;&lt;br&gt;Train on the ratings (Train tab) or open item vectors, then come back here.</source>
        <translation>&lt;b&gt;已加载评分数据，但还没有物品向量。&lt;/b&gt;&lt;br&gt;&lt;br&gt;在评分上训练（训练标签页）或打开物品向量，然后回到这里。</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>item id</source>
        <translation>物品 ID</translation>
    </message>
    <message>
        <source>rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>genres</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Last item&apos;s neighbours</source>
        <translation>最后一个物品的近邻</translation>
    </message>
    <message>
        <source>User vector, by cosine (direction only)</source>
        <translation>用户向量，按余弦（只看方向）</translation>
    </message>
    <message>
        <source>User vector, by dot product (vector length counts)</source>
        <translation>用户向量，按点积（向量长度也计入）</translation>
    </message>
    <message>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>scoring</source>
        <translation>打分方式</translation>
    </message>
    <message>
        <source>HitRate@k</source>
        <translation>HitRate@k</translation>
    </message>
    <message>
        <source>NDCG@k</source>
        <translation>NDCG@k</translation>
    </message>
    <message>
        <source>users</source>
        <translation>用户数</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>未命中</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>user id</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>Random user</source>
        <translation>随机用户</translation>
    </message>
    <message>
        <source>mean</source>
        <comment>user vector</comment>
        <translation>平均</translation>
    </message>
    <message>
        <source>sum</source>
        <comment>user vector</comment>
        <translation>求和</translation>
    </message>
    <message>
        <source>rating-weighted</source>
        <comment>user vector</comment>
        <translation>按评分加权</translation>
    </message>
    <message>
        <source>decay</source>
        <comment>user vector</comment>
        <translation>近期加权（衰减）</translation>
    </message>
    <message>
        <source>How a user vector is made from the vectors of the items they rated: mean, sum, rating-weighted, or recent items weighted more (decay).</source>
        <translation>如何由用户评过分的物品向量得到用户向量：平均、求和、按评分加权，或对近期物品加权更多（衰减）。</translation>
    </message>
    <message>
        <source> days half-life</source>
        <translation> 天半衰期</translation>
    </message>
    <message>
        <source>any popularity</source>
        <translation>不限热度</translation>
    </message>
    <message>
        <source>at least </source>
        <translation>至少 </translation>
    </message>
    <message>
        <source> events</source>
        <translation> 次事件</translation>
    </message>
    <message>
        <source>Do not recommend items with fewer training events than this: a vector learnt from a handful of events is close to chance.</source>
        <translation>不推荐训练事件少于此数的物品：由少数几次事件学到的向量接近随机。</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>user vector:</source>
        <translation>用户向量：</translation>
    </message>
    <message>
        <source>History (most recent first)</source>
        <translation>历史记录（最近的在前）</translation>
    </message>
    <message>
        <source>all users</source>
        <translation>所有用户</translation>
    </message>
    <message>
        <source>at most </source>
        <translation>最多 </translation>
    </message>
    <message>
        <source> users</source>
        <translation> 个用户</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Holds out each user&apos;s last event, trains fresh models on the rest (with the item defaults), and ranks the held-out item.</source>
        <translation>保留每个用户的最后一次事件，用其余数据（物品默认值）训练新模型，并对保留的物品排名。</translation>
    </message>
    <message>
        <source>HitRate of each method will be drawn here.</source>
        <translation>各方法的 HitRate 将绘制在这里。</translation>
    </message>
    <message>
        <source>Building user vectors…</source>
        <translation>正在构建用户向量…</translation>
    </message>
    <message>
        <source>Could not build user vectors</source>
        <translation>无法构建用户向量</translation>
    </message>
    <message>
        <source>Failed: {message}</source>
        <translation>失败：{message}</translation>
    </message>
    <message>
        <source>{n_hist:,} users ({with_vectors:,} with at least one item that has a vector).</source>
        <translation>{n_hist:,} 个用户（其中 {with_vectors:,} 个至少有一个带向量的物品）。</translation>
    </message>
    <message>
        <source>User {user!r} has no history in this data.</source>
        <translation>用户 {user!r} 在此数据中没有历史记录。</translation>
    </message>
    <message>
        <source>Pick a user.</source>
        <translation>请选择一个用户。</translation>
    </message>
    <message>
        <source>None of this user&apos;s items has a vector (all too rare?).</source>
        <translation>此用户的物品都没有向量（都太罕见？）。</translation>
    </message>
    <message>
        <source>{overlap} of {v1} items in both lists.</source>
        <translation>两个列表中都有的物品：{v1} 个中有 {overlap} 个。</translation>
    </message>
    <message>
        <source> Mean training events of the recommended items: {v0} {v1:,.0f}, {v2} {v3:,.0f} (catalogue {v4:,.0f}).</source>
        <translation> 推荐物品的平均训练事件数：{v0} {v1:,.0f}，{v2} {v3:,.0f}（全部物品 {v4:,.0f}）。</translation>
    </message>
    <message>
        <source> Mean vector length: {v0} {v1:.2f}, {v2} {v3:.2f} (catalogue {v4:.2f}). Dot product favours long, often frequent, item vectors, as matrix factorisation does.</source>
        <translation> 平均向量长度：{v0} {v1:.2f}，{v2} {v3:.2f}（全部物品 {v4:.2f}）。点积偏向长的、通常也是高频的物品向量，矩阵分解也是如此。</translation>
    </message>
    <message>
        <source> {items} with fewer than {events} are left out.</source>
        <translation> 事件少于 {events}的 {items}被略去。</translation>
    </message>
    <message>
        <source>event</source>
        <translation>个事件</translation>
    </message>
    <message>
        <source>events</source>
        <translation>个事件</translation>
    </message>
    <message>
        <source>User &lt;b&gt;{v0}&lt;/b&gt;: {events}, {items} with vectors.</source>
        <translation>用户 &lt;b&gt;{v0}&lt;/b&gt;：{events}，其中 {items}有向量。</translation>
    </message>
    <message>
        <source>distinct item</source>
        <translation>个不同物品</translation>
    </message>
    <message>
        <source>distinct items</source>
        <translation>个不同物品</translation>
    </message>
    <message>
        <source>{title} (no vector)</source>
        <translation>{title}（无向量）</translation>
    </message>
    <message>
        <source>Evaluation failed</source>
        <translation>评估失败</translation>
    </message>
    <message>
        <source>HitRate@{k} (held-out last item in the top {k})</source>
        <translation>HitRate@{k}（保留的最后一个物品出现在前 {k} 个中）</translation>
    </message>
    <message>
        <source>HitRate@{k}</source>
        <translation>HitRate@{k}</translation>
    </message>
    <message>
        <source>{n_users:,} users, {n_train_events:,} training events over {catalogue:,} items. </source>
        <translation>{n_users:,} 个用户，{catalogue:,} 个物品上的 {n_train_events:,} 次训练事件。</translation>
    </message>
    <message>
        <source>{v0} The User tab now shows the best-evaluated ranking first: {v1}.</source>
        <translation>{v0} “用户”标签页现在优先显示评估最好的排序方式：{v1}。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Online loss&lt;/b&gt; (the line and the epoch means): each pair&apos;s loss measured just before it is trained on, averaged. The model has just been fitted to the pairs before it (the same document, and in a file sorted by topic the same topic), more so while the learning rate is high; as the rate decays that advantage fades, so the online loss can rise in the last epochs although the model keeps improving.&lt;br&gt;&lt;br&gt;&lt;b&gt;Fixed sample&lt;/b&gt; (the second curve): the loss on the same 10,000 training pairs, drawn once before training and scored after each epoch without training on them there. It measures the model as a whole and is the curve to judge training by. If the two part ways, try “Shuffle sentences each epoch”.&lt;br&gt;&lt;br&gt;Hierarchical softmax sums the loss over the word&apos;s path in the tree (about log2 of the vocabulary nodes), negative sampling over the target and its noise words: their losses are on different scales and cannot be compared.</source>
        <translation>&lt;b&gt;在线损失&lt;/b&gt;（曲线和每轮均值）：每个词对在用它训练之前测得的损失的平均值。模型刚刚拟合过它之前的词对（同一文档；在按主题排序的文件中还是同一主题），学习率高时更是如此；随着学习率衰减，这一优势减弱，所以即使模型仍在改进，在线损失也可能在最后几轮上升。&lt;br&gt;&lt;br&gt;&lt;b&gt;固定样本&lt;/b&gt;（第二条曲线）：在训练前抽取一次的同样 10,000 个训练词对上的损失，每轮结束后计算，且不在它们上面训练。它衡量的是整个模型，应以这条曲线来判断训练效果。如果两条曲线走势分开，可以试试“每轮打乱句子顺序”。&lt;br&gt;&lt;br&gt;层次 softmax 的损失是词在树中路径上的总和（约为词表节点数的 log2），负采样则是目标词和噪声词上的总和：两者的损失尺度不同，不能相互比较。</translation>
    </message>
    <message>
        <source>Press Train (F5) to see the loss here.</source>
        <translation>按“训练”(F5)后，损失曲线会显示在这里。</translation>
    </message>
    <message>
        <source>Press Train (F5) with “Evaluate analogies after each epoch” ticked to see the accuracy here.</source>
        <translation>勾选“每轮结束后评测类比”并按“训练”(F5)，准确率会显示在这里。</translation>
    </message>
    <message>
        <source>loss per pair (negative sampling)</source>
        <translation>每个词对的损失（负采样）</translation>
    </message>
    <message>
        <source>loss per pair (hierarchical softmax: summed over the tree path)</source>
        <translation>每个词对的损失（层次 softmax：沿树路径求和）</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>online loss (each report)</source>
        <translation>在线损失（每次报告）</translation>
    </message>
    <message>
        <source>online, epoch mean</source>
        <translation>在线损失，每轮均值</translation>
    </message>
    <message>
        <source>fixed sample of 10,000 pairs</source>
        <translation>10,000 个词对的固定样本</translation>
    </message>
    <message>
        <source>About the loss curves</source>
        <translation>关于损失曲线</translation>
    </message>
    <message>
        <source>Online loss: measured as training goes. Fixed sample: the same pairs after each epoch.</source>
        <translation>在线损失：边训练边测量。固定样本：每轮结束后在相同词对上测量。</translation>
    </message>
    <message>
        <source> Hierarchical softmax: a larger scale than negative sampling&apos;s.</source>
        <translation> 层次 softmax：尺度比负采样大。</translation>
    </message>
    <message>
        <source>Analogy accuracy</source>
        <translation>类比准确率</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>% correct</source>
        <translation>正确率 %</translation>
    </message>
    <message>
        <source>Tick “Evaluate analogies after each epoch” to plot accuracy here.</source>
        <translation>勾选“每轮结束后评测类比”即可在这里绘制准确率。</translation>
    </message>
    <message>
        <source>Epoch {epoch}: {correct:,} of {total:,} analogies correct ({accuracy:.1%}); {skipped:,} skipped (unknown words).</source>
        <translation>第 {epoch} 轮：{total:,} 道类比题答对 {correct:,} 道（{accuracy:.1%}）；{skipped:,} 道跳过（词不在词表中）。</translation>
    </message>
    <message>
        <source>Add words or items to the watch list to see their neighbours change.</source>
        <translation>把词或物品加入观察列表，即可看到它们的近邻如何变化。</translation>
    </message>
    <message>
        <source>Neighbours of</source>
        <translation>近邻：</translation>
    </message>
    <message>
        <source>Bold: arrived since the previous epoch. Hover a name for its similarity.</source>
        <translation>粗体：上一轮之后新出现的。鼠标悬停在名称上可查看相似度。</translation>
    </message>
    <message>
        <source>  Not in the vocabulary: </source>
        <translation>  不在词表中：</translation>
    </message>
    <message>
        <source>epoch {epoch}</source>
        <translation>第 {epoch} 轮</translation>
    </message>
    <message>
        <source>{name}: similarity {score:.3f}</source>
        <translation>{name}：相似度 {score:.3f}</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>模型结构</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>采样</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>优化</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>词表</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Skip-gram</source>
        <translation>Skip-gram</translation>
    </message>
    <message>
        <source>Skip-gram predicts each context word from the centre word, one (centre, context) pair at a time: slower, and better for rare words.
CBOW averages the context vectors to predict the centre word: several times faster, and smoother for frequent words.</source>
        <translation>Skip-gram 由中心词预测每个上下文词，每次一个（中心词, 上下文词）对：较慢，对罕见词更好。
CBOW 对上下文向量取平均来预测中心词：快好几倍，对高频词更平滑。</translation>
    </message>
    <message>
        <source>CBOW: average context</source>
        <translation>CBOW：上下文取平均</translation>
    </message>
    <message>
        <source>CBOW only: average the context vectors (on) or sum them (off).</source>
        <translation>仅用于 CBOW：对上下文向量取平均（开）或求和（关）。</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Length of each vector. 50-300 for text; 32-128 is common for items. More dimensions need more data and memory.</source>
        <translation>每个向量的长度。文本常用 50-300；物品常用 32-128。维度越多，需要的数据和内存越多。</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Maximum distance between the centre word and a context word (the actual window is drawn uniformly up to this, so near words count more). Item histories use wide windows.</source>
        <translation>中心词与上下文词之间的最大距离（实际窗口在此范围内均匀抽取，所以近处的词权重更大）。物品历史使用较宽的窗口。</translation>
    </message>
    <message>
        <source>Output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>Negative sampling</source>
        <translation>负采样</translation>
    </message>
    <message>
        <source>Hierarchical softmax</source>
        <translation>层次 softmax</translation>
    </message>
    <message>
        <source>A full softmax costs O(V) per step. Two shortcuts:
Negative sampling (NS): contrast the true context word with `negative` random words drawn from the unigram distribution raised to ns_exponent; a binary sigmoid loss updates only negative+1 output rows.
Hierarchical softmax (HS): walk a Huffman tree built from word frequencies, O(log V) per step; frequent words get short paths. HS tends to favour rare words.</source>
        <translation>完整的 softmax 每步代价为 O(V)。两种捷径：
负采样（NS）：把真实的上下文词与 `negative` 个随机词对比，随机词按一元分布的 ns_exponent 次方抽取；二元 sigmoid 损失只更新 negative+1 行输出向量。
层次 softmax（HS）：沿着由词频构建的 Huffman 树行走，每步 O(log V)；高频词路径短。HS 往往偏向罕见词。</translation>
    </message>
    <message>
        <source>Negative samples</source>
        <translation>负样本数</translation>
    </message>
    <message>
        <source>Noise words per positive pair with negative sampling (5-20; fewer for big corpora). 0 turns negative sampling off (then hierarchical softmax must be on).</source>
        <translation>负采样时每个正样本对的噪声词数（5-20；大语料可少一些）。0 表示关闭负采样（此时必须开启层次 softmax）。</translation>
    </message>
    <message>
        <source>Noise exponent</source>
        <translation>噪声分布指数</translation>
    </message>
    <message>
        <source>Noise words are drawn with probability proportional to count^exponent. 0.75 (the paper&apos;s value) flattens the distribution so rarer words are drawn more often than their frequency; 1 samples by frequency, 0 uniformly.</source>
        <translation>噪声词按 计数^指数 的概率抽取。0.75（论文中的值）使分布更平坦，罕见词被抽到的频率高于其词频；1 按词频抽样，0 均匀抽样。</translation>
    </message>
    <message>
        <source>Down-sample threshold</source>
        <translation>降采样阈值</translation>
    </message>
    <message>
        <source>Randomly skips very frequent words (the, of, a; or blockbuster items): a word making up a share f of all tokens is kept with probability (sqrt(f/sample) + 1) * sample / f.
Speeds training and improves rare-word vectors. 1e-3 for text, 1e-4 or 1e-5 for large corpora or items; 0 turns it off.</source>
        <translation>随机跳过非常高频的词（the、of、a；或热门物品）：占全部词元比例为 f 的词以 (sqrt(f/sample) + 1) * sample / f 的概率保留。
可加快训练并改善罕见词的向量。文本用 1e-3，大语料或物品用 1e-4 或 1e-5；0 表示关闭。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Initial learning rate; it decays linearly to the final rate over all epochs. 0.025 for skip-gram, 0.05 for CBOW.</source>
        <translation>初始学习率；在所有轮次中线性衰减到最终学习率。skip-gram 用 0.025，CBOW 用 0.05。</translation>
    </message>
    <message>
        <source>Final learning rate</source>
        <translation>最终学习率</translation>
    </message>
    <message>
        <source>Learning rate reached at the end of the last epoch.</source>
        <translation>最后一轮结束时达到的学习率。</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Passes over the corpus. Small corpora need more epochs.</source>
        <translation>遍历语料的次数。小语料需要更多轮。</translation>
    </message>
    <message>
        <source>Shuffle sentences each epoch</source>
        <translation>每轮打乱句子顺序</translation>
    </message>
    <message>
        <source>Train the sentences in a new random order (from the seed) each epoch instead of the file&apos;s order. Worth it for files sorted by topic or source (20news is sorted by newsgroup): in file order the last topics of each epoch are learnt at a lower learning rate than the first.</source>
        <translation>每轮以新的随机顺序（由种子决定）训练句子，而不是按文件顺序。对按主题或来源排序的文件很有用（20news 按新闻组排序）：按文件顺序时，每轮最后的主题是在比开头更低的学习率下学习的。</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Seeds initial vectors, subsampling and noise draws. With 1 thread a run is repeatable; with several threads the update order varies slightly.</source>
        <translation>决定初始向量、降采样和噪声抽样。单线程时结果可复现；多线程时更新顺序会略有不同。</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>Worker threads; 0 uses all cores.</source>
        <translation>工作线程数；0 表示使用所有核心。</translation>
    </message>
    <message>
        <source>Words per step</source>
        <translation>每步词数</translation>
    </message>
    <message>
        <source>Words handed to the compiled kernel at a time: progress, pause and stop act between steps.</source>
        <translation>每次交给编译内核的词数：进度、暂停和停止在步与步之间生效。</translation>
    </message>
    <message>
        <source>Minimum count</source>
        <translation>最少出现次数</translation>
    </message>
    <message>
        <source>Words seen fewer times are dropped: they get no vector. See the Data tab for what this drops in the loaded corpus.</source>
        <translation>出现次数更少的词会被丢弃：它们没有向量。在“数据”标签页可看到这会从已加载语料中丢弃什么。</translation>
    </message>
    <message>
        <source>Vocabulary limit</source>
        <translation>词表上限</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Keep at most this many of the most frequent words.</source>
        <translation>最多保留这么多个最常见的词。</translation>
    </message>
    <message>
        <source>Text (word2vec defaults)</source>
        <translation>文本（word2vec 默认值）</translation>
    </message>
    <message>
        <source>Items (sessions, user histories)</source>
        <translation>物品（会话、用户历史）</translation>
    </message>
    <message>
        <source>Fill the form with defaults suited to text or to item sequences. “Custom” once an option is changed.</source>
        <translation>用适合文本或物品序列的默认值填写表单。修改任一选项后显示“自定义”。</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Put back the options as they were before the data was opened</source>
        <translation>把选项恢复到打开数据之前的样子</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>{v0} data opened: {v1} defaults applied (the options were set for {v2} data).</source>
        <translation>已打开{v0}数据：已应用{v1}默认值（之前的选项是为{v2}数据设置的）。</translation>
    </message>
    <message>
        <source>Comma-separated words or item ids. After each epoch their 10 nearest neighbours are listed under “Watch list”, so you can see the space take shape.</source>
        <translation>逗号分隔的词或物品 ID。每轮结束后它们的 10 个近邻会列在“观察列表”中，可以看到向量空间逐渐成形。</translation>
    </message>
    <message>
        <source>After each epoch, answer the analogy questions in this file (lines “a b c d”: a is to b as c is to d; “: section” headers) and plot the accuracy. Uses the 30,000 most frequent words.</source>
        <translation>每轮结束后回答此文件中的类比题（每行 “a b c d”：a 之于 b 如同 c 之于 d；“: section” 为分节标题）并绘制准确率。使用最常见的 30,000 个词。</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Train on the loaded data with these options</source>
        <translation>用这些选项在已加载的数据上训练</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Hold training between steps; press again to resume</source>
        <translation>在步与步之间暂停训练；再按一次继续</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Stop training and keep the vectors learnt so far</source>
        <translation>停止训练并保留目前学到的向量</translation>
    </message>
    <message>
        <source>words or items to follow, comma-separated</source>
        <translation>要观察的词或物品，逗号分隔</translation>
    </message>
    <message>
        <source>Evaluate analogies after each epoch</source>
        <translation>每轮结束后评测类比</translation>
    </message>
    <message>
        <source>Choose an analogy file</source>
        <translation>选择类比文件</translation>
    </message>
    <message>
        <source>Continue training the current model</source>
        <translation>继续训练当前模型</translation>
    </message>
    <message>
        <source>Keep the model&apos;s vectors and vocabulary; new words in the loaded data are added (min_count applies). Shape options are locked.</source>
        <translation>保留模型的向量和词表；已加载数据中的新词会被加入（min_count 适用）。结构选项被锁定。</translation>
    </message>
    <message>
        <source>While training</source>
        <translation>训练过程中</translation>
    </message>
    <message>
        <source>Watch list</source>
        <translation>观察列表</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Analogy questions</source>
        <translation>类比题</translation>
    </message>
    <message>
        <source>Analogy files (*.txt);;All files (*)</source>
        <translation>类比文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>e.g. {examples}</source>
        <translation>例如 {examples}</translation>
    </message>
    <message>
        <source>Cannot train</source>
        <translation>无法训练</translation>
    </message>
    <message>
        <source>Open a text corpus or a ratings file first.</source>
        <translation>请先打开文本语料或评分文件。</translation>
    </message>
    <message>
        <source>Analogy file not found: {analogy}</source>
        <translation>找不到类比文件：{analogy}</translation>
    </message>
    <message>
        <source>Training {v0}with </source>
        <translation>正在训练 {v0}，参数：</translation>
    </message>
    <message>
        <source>(continued) </source>
        <translation>（继续）</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>已暂停。</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>已继续。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>{added_words:,} new words added to the model</source>
        <translation>已向模型加入 {added_words:,} 个新词</translation>
    </message>
    <message>
        <source>Compiling the training kernels (first run only)…</source>
        <translation>正在编译训练内核（仅首次运行）…</translation>
    </message>
    <message>
        <source>, fixed sample {sample_loss:.4f}</source>
        <translation>，固定样本 {sample_loss:.4f}</translation>
    </message>
    <message>
        <source>Epoch {v0}/{epochs}: online loss {epoch_loss:.4f}{sample}, {words_per_sec:,.0f} words/s</source>
        <translation>第 {v0}/{epochs} 轮：在线损失 {epoch_loss:.4f}{sample}，{words_per_sec:,.0f} 词/秒</translation>
    </message>
    <message>
        <source>  analogies: {accuracy:.1%} of {total:,}</source>
        <translation>  类比：{total:,} 道中 {accuracy:.1%}</translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation>已提前停止</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source> in {v0}</source>
        <translation>，用时 {v0}</translation>
    </message>
    <message>
        <source>{what}{elapsed}: {n_vectors:,} vectors of {dim} dimensions ({epochs_trained} trained in all).</source>
        <translation>{what}{elapsed}：{n_vectors:,} 个 {dim} 维向量（共训练 {epochs_trained}）。</translation>
    </message>
    <message>
        <source>{what}: {n_vectors:,} vectors. Explore them in the other tabs.</source>
        <translation>{what}：{n_vectors:,} 个向量。可在其他标签页中探索它们。</translation>
    </message>
    <message>
        <source>Warning: {collapsed}</source>
        <translation>警告：{collapsed}</translation>
    </message>
    <message>
        <source>{what}, but {v1}{v2}</source>
        <translation>{what}，但{v1}{v2}</translation>
    </message>
    <message>
        <source> in {elapsed:.1f} s</source>
        <translation>，用时 {elapsed:.1f} 秒</translation>
    </message>
    <message>
        <source>item</source>
        <translation>个物品</translation>
    </message>
    <message>
        <source>items</source>
        <translation>个物品</translation>
    </message>
    <message>
        <source>Stopped early: trained {count}{took}</source>
        <translation>已提前停止：训练了 {count}{took}</translation>
    </message>
    <message>
        <source>Trained {count}{took}</source>
        <translation>已训练 {count}{took}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Vectors opened without a corpus&lt;/b&gt;: there is nothing to train on. Open a corpus or a ratings file to train, or a saved model to continue training.</source>
        <translation>&lt;b&gt;打开的向量没有语料&lt;/b&gt;：没有可训练的内容。打开语料或评分文件来训练，或打开已保存的模型继续训练。</translation>
    </message>
    <message>
        <source>Open a text corpus or a ratings file (File menu, or the Data tab) to train.</source>
        <translation>打开文本语料或评分文件（“文件”菜单或“数据”标签页）即可训练。</translation>
    </message>
    <message>
        <source>Paused in epoch {v0}/{epochs} ({fraction:.0%}).</source>
        <translation>已在第 {v0}/{epochs} 轮暂停（{fraction:.0%}）。</translation>
    </message>
    <message>
        <source> · loss {loss:.4f}</source>
        <translation> · 损失 {loss:.4f}</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs} · {fraction:.0%} · {words_per_sec:,.0f} words/s · ETA {v4} · learning rate {alpha:.5f}{loss}</source>
        <translation>第 {epoch}/{epochs} 轮 · {fraction:.0%} · {words_per_sec:,.0f} 词/秒 · 剩余 {v4} · 学习率 {alpha:.5f}{loss}</translation>
    </message>
    <message>
        <source>Vector norms (lengths)</source>
        <translation>向量范数（长度）</translation>
    </message>
    <message>
        <source>norm</source>
        <translation>范数</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>First rows</source>
        <translation>前几行</translation>
    </message>
    <message>
        <source>Vector norms (lengths): median {norm_median:.3g}, from {norm_min:.3g} to {norm_max:.3g}</source>
        <translation>向量范数（长度）：中位数 {norm_median:.3g}，范围 {norm_min:.3g} 到 {norm_max:.3g}</translation>
    </message>
    <message>
        <source>{v0} more</source>
        <translation>还有 {v0} 个</translation>
    </message>
    <message>
        <source>Could not prepare the vectors</source>
        <translation>无法准备向量</translation>
    </message>
    <message>
        <source>&lt;b&gt;No vectors yet.&lt;/b&gt;&lt;br&gt;&lt;br&gt;Train a model (Train tab), or open a vectors file (File → Open vectors…), then come back here.</source>
        <translation>&lt;b&gt;还没有向量。&lt;/b&gt;&lt;br&gt;&lt;br&gt;训练一个模型（训练标签页），或打开一个向量文件（文件 → 打开向量…），然后回到这里。</translation>
    </message>
    <message>
        <source>&lt;b&gt;3CosAdd&lt;/b&gt;: the answer to “a is to b as c is to ?” is the name nearest to b − a + c (cosine), leaving out a, b and c.</source>
        <translation>&lt;b&gt;3CosAdd&lt;/b&gt;：“a 之于 b，如同 c 之于 ?” 的答案是最接近 b − a + c 的名称（余弦），不包括 a、b 和 c。</translation>
    </message>
    <message>
        <source>&lt;b&gt;3CosMul&lt;/b&gt; (Levy &amp;amp; Goldberg): like 3CosAdd, but multiplies the similarities instead of adding them, so one very close term cannot outweigh the others.</source>
        <translation>&lt;b&gt;3CosMul&lt;/b&gt;（Levy &amp;amp; Goldberg）：类似 3CosAdd，但把相似度相乘而不是相加，这样一个非常接近的词不会压过其他词。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hubness&lt;/b&gt;: in many dimensions a few names turn up in almost everyone&apos;s nearest neighbours. The plot counts, for each name, how many other names&apos; top-k it is in; a long tail to the right means hubs crowd the neighbour lists.</source>
        <translation>&lt;b&gt;中心性（hubness）&lt;/b&gt;：在高维空间中，少数名称几乎出现在每个名称的近邻里。图中统计每个名称出现在多少个其他名称的 top-k 中；右侧长尾说明中心点挤占了近邻列表。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Trust&lt;/b&gt; of a map point: the share of its 10 nearest neighbours in the full space that are also among its 10 nearest on the map (1: the map keeps its neighbourhood).</source>
        <translation>&lt;b&gt;可信度&lt;/b&gt;：地图上一个点在完整空间中的 10 个近邻里，同样是它在地图上 10 个近邻的比例（1：地图保留了它的邻域）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;in·out&lt;/b&gt;: scores an item by its input vector against the other items&apos; output vectors, the way word2vec itself predicts a context (“what comes next”), rather than input against input.</source>
        <translation>&lt;b&gt;in·out&lt;/b&gt;：用物品的输入向量与其他物品的输出向量打分，即 word2vec 自身预测上下文（“接下来是什么”）的方式，而不是输入对输入。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tanimoto&lt;/b&gt; (extended Jaccard): x·y / (|x|² + |y|² − x·y). 1 for equal vectors; unlike cosine it also drops when the lengths differ.</source>
        <translation>&lt;b&gt;Tanimoto&lt;/b&gt;（扩展 Jaccard）：x·y / (|x|² + |y|² − x·y)。向量相同时为 1；与余弦不同，长度不同时它也会下降。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Similarity&lt;/b&gt; ranks larger-is-nearer (cosine: direction only; dot: also length; Pearson; Tanimoto). &lt;b&gt;Distance&lt;/b&gt; ranks smaller-is-nearer (Euclidean, Manhattan).</source>
        <translation>&lt;b&gt;相似度&lt;/b&gt;越大越近（余弦：只看方向；点积：也看长度；Pearson；Tanimoto）。&lt;b&gt;距离&lt;/b&gt;越小越近（欧氏距离、曼哈顿距离）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;overlap@k&lt;/b&gt;: the share of names two top-k lists have in common (1: the same names).</source>
        <translation>&lt;b&gt;overlap@k&lt;/b&gt;：两个 top-k 列表共有名称的比例（1：名称相同）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kendall τ&lt;/b&gt;: how alike two rankings&apos; orders are, from −1 (reversed) to 1 (the same).</source>
        <translation>&lt;b&gt;Kendall τ&lt;/b&gt;：两个排序的顺序相似程度，从 −1（相反）到 1（相同）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Norm&lt;/b&gt;: a vector&apos;s length. word2vec gives frequent words in many contexts shorter vectors and rare or single-sense words longer ones; cosine ignores it, dot product does not.</source>
        <translation>&lt;b&gt;范数&lt;/b&gt;：向量的长度。word2vec 给出现在多种上下文中的高频词较短的向量，给罕见词或单义词较长的向量；余弦忽略它，点积则不然。</translation>
    </message>
    <message>
        <source>&lt;b&gt;min_count&lt;/b&gt;: names seen fewer times than this get no vector.</source>
        <translation>&lt;b&gt;min_count&lt;/b&gt;：出现次数少于此值的名称没有向量。</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>Stop reading this file; what was open before stays open.</source>
        <translation>停止读取此文件；之前打开的内容保持不变。</translation>
    </message>
    <message>
        <source>{tasks_done:,}/{total:,} tasks</source>
        <translation>{tasks_done:,}/{total:,} 个任务</translation>
    </message>
    <message>
        <source>{v0} left</source>
        <translation>剩余{v0}</translation>
    </message>
    <message>
        <source>estimating the time left</source>
        <translation>正在估计剩余时间</translation>
    </message>
    <message>
        <source>Reading {name}</source>
        <translation>正在读取 {name}</translation>
    </message>
    <message>
        <source>Reading {name}: {done} of {total}</source>
        <translation>正在读取 {name}：{done} / {total}</translation>
    </message>
    <message>
        <source>Reading {name}: {done}</source>
        <translation>正在读取 {name}：{done}</translation>
    </message>
    <message>
        <source>Reading item metadata {name}</source>
        <translation>正在读取物品元数据 {name}</translation>
    </message>
    <message>
        <source>rating scale: {scale}</source>
        <translation>评分尺度：{scale}</translation>
    </message>
    <message>
        <source>Warning: {warning}</source>
        <translation>警告：{warning}</translation>
    </message>
    <message>
        <source>no rating column (implicit data): keeping every event</source>
        <translation>没有评分列（隐式数据）：保留每个事件</translation>
    </message>
    <message>
        <source>every rating is {low:g} (implicit data): keeping every event</source>
        <translation>所有评分都是 {low:g}（隐式数据）：保留每个事件</translation>
    </message>
    <message>
        <source>ratings {low:g}–{high:g}{step}</source>
        <translation>评分 {low:g}–{high:g}{step}</translation>
    </message>
    <message>
        <source>{where}: keeping every event (the lowest rating alone is over half of them)</source>
        <translation>{where}：保留每个事件（仅最低评分就占了一半以上）</translation>
    </message>
    <message>
        <source>{where}: keeping ratings ≥ {threshold:g} ({share:.0%} of the events, about the top half)</source>
        <translation>{where}：保留评分 ≥ {threshold:g}（占事件的 {share:.0%}，约为较高的一半）</translation>
    </message>
    <message>
        <source>Building item sequences from {n:,} events</source>
        <translation>正在由 {n:,} 个事件构建物品序列</translation>
    </message>
    <message>
        <source>Reading the rating scale</source>
        <translation>正在读取评分尺度</translation>
    </message>
    <message>
        <source>Bringing back {n:,} events</source>
        <translation>正在取回 {n:,} 个事件</translation>
    </message>
    <message>
        <source>Click a point to select it (Ctrl+click adds), Shift+drag for a box, Ctrl+drag for a lasso.</source>
        <translation>单击一个点选中它（Ctrl+单击追加），Shift+拖动框选，Ctrl+拖动套索选择。</translation>
    </message>
    <message>
        <source>map distance</source>
        <translation>地图距离</translation>
    </message>
    <message>
        <source>Isolate</source>
        <translation>只显示选中</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>→ Neighbours</source>
        <translation>→ 近邻</translation>
    </message>
    <message>
        <source>→ Analogy</source>
        <translation>→ 类比</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Nearest in the vectors&apos; space:</source>
        <translation>在向量空间中最近的：</translation>
    </message>
    <message>
        <source>Nearest on the map:</source>
        <translation>在地图上最近的：</translation>
    </message>
    <message>
        <source>Not on the map ({n_missing}): </source>
        <translation>不在地图上（{n_missing}）：</translation>
    </message>
    <message>
        <source>Hidden by the isolation ({n_hidden}): no line to them; Show all shows them.</source>
        <translation>因“只显示选中”而隐藏（{n_hidden}）：不画连线；点“全部显示”可再显示。</translation>
    </message>
    <message>
        <source> · trust {trust:.1f}</source>
        <translation> · 可信度 {trust:.1f}</translation>
    </message>
    <message>
        <source>&lt;br&gt;{points} selected; neighbours of the first.</source>
        <translation>&lt;br&gt;已选 {points}；显示第一个点的近邻。</translation>
    </message>
    <message>
        <source>&lt;br&gt;Wrote {points} to {v1}</source>
        <translation>&lt;br&gt;已将 {points}写入 {v1}</translation>
    </message>
    <message>
        <source>Export the selection</source>
        <translation>导出选中的点</translation>
    </message>
    <message>
        <source>selection.csv</source>
        <translation>selection.csv</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;{v0}&quot;&gt;{v1}&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;{v0}&quot;&gt;{v1}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Did you mean: </source>
        <translation>你是不是要找：</translation>
    </message>
    <message>
        <source>{metric} distance</source>
        <translation>{metric} 距离</translation>
    </message>
    <message>
        <source>{metric} similarity</source>
        <translation>{metric} 相似度</translation>
    </message>
    <message>
        <source>score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>{score}: {value:.6g}</source>
        <translation>{score}：{value:.6g}</translation>
    </message>
    <message>
        <source>Show “{name}” in context</source>
        <translation>在上下文中显示“{name}”</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>plot</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>others</source>
        <translation>其余</translation>
    </message>
    <message>
        <source>labels for {shown_hits:,} of {n_hits:,} matches</source>
        <translation>{n_hits:,} 个匹配中的 {shown_hits:,} 个有标签</translation>
    </message>
    <message>
        <source> (zoom in for more)</source>
        <translation>（放大可看到更多）</translation>
    </message>
    <message>
        <source>Custom axes</source>
        <translation>自定义坐标轴</translation>
    </message>
    <message>
        <source>Finding neighbours</source>
        <translation>查找近邻</translation>
    </message>
    <message>
        <source>Computing affinities</source>
        <translation>计算相似度</translation>
    </message>
    <message>
        <source>Laying out</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>Measuring trust</source>
        <translation>测量可信度</translation>
    </message>
    <message>
        <source>{n:,.0f} bytes</source>
        <translation>{n:,.0f} 字节</translation>
    </message>
    <message>
        <source>{n:,.1f} KB</source>
        <translation>{n:,.1f} KB</translation>
    </message>
    <message>
        <source>{n:,.1f} MB</source>
        <translation>{n:,.1f} MB</translation>
    </message>
    <message>
        <source>{n:,.1f} GB</source>
        <translation>{n:,.1f} GB</translation>
    </message>
    <message>
        <source>under a second</source>
        <translation>不到一秒</translation>
    </message>
    <message>
        <source>about {n:.0f} s</source>
        <translation>约 {n:.0f} 秒</translation>
    </message>
    <message>
        <source>about {n:.0f} min</source>
        <translation>约 {n:.0f} 分钟</translation>
    </message>
    <message>
        <source>about {n:.1f} h</source>
        <translation>约 {n:.1f} 小时</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} 秒</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <source>seed </source>
        <translation>种子 </translation>
    </message>
    <message>
        <source>Unit-length rows (cosine)</source>
        <translation>单位长度向量（余弦）</translation>
    </message>
    <message>
        <source>Scale every vector to length 1 first, so the map reflects cosine similarity, as the neighbour lists do.</source>
        <translation>先把每个向量缩放到长度 1，使地图反映余弦相似度，与近邻列表一致。</translation>
    </message>
    <message>
        <source>Roughly how many neighbours each point attends to (2-100).</source>
        <translation>每个点大约关注多少个近邻（2–100）。</translation>
    </message>
    <message>
        <source>auto: points / 12, at least 200 (Belkina et al. 2019).</source>
        <translation>自动：点数 / 12，至少 200（Belkina 等，2019）。</translation>
    </message>
    <message>
        <source>Above 1 pulls clusters tighter (after the early phase).</source>
        <translation>大于 1 时簇更紧凑（早期阶段之后）。</translation>
    </message>
    <message>
        <source>Perplexity:</source>
        <translation>困惑度：</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <source>Exaggeration:</source>
        <translation>夸大系数：</translation>
    </message>
    <message>
        <source>Small: local detail; large: global structure (2-200).</source>
        <translation>小：局部细节；大：全局结构（2–200）。</translation>
    </message>
    <message>
        <source>How tightly points may pack (0-1).</source>
        <translation>点可以排列得多紧密（0–1）。</translation>
    </message>
    <message>
        <source>Neighbours:</source>
        <translation>近邻数：</translation>
    </message>
    <message>
        <source>Min. distance:</source>
        <translation>最小距离：</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>度量：</translation>
    </message>
    <message>
        <source>e.g. woman - man</source>
        <translation>例如 女人 - 男人</translation>
    </message>
    <message>
        <source>e.g. queen - king, or king</source>
        <translation>例如 女王 - 国王，或 国王</translation>
    </message>
    <message>
        <source>A name (similarity to it) or a formula such as &apos;woman - man&apos; (similarity to that direction); spaces around - and +.</source>
        <translation>一个名称（与它的相似度）或如 &apos;woman - man&apos; 的公式（与该方向的相似度）；- 和 + 两侧需留空格。</translation>
    </message>
    <message>
        <source>&lt;b&gt;This map will take about {time} here.&lt;/b&gt; Press Project again to start it (Cancel stops it at any time).</source>
        <translation>&lt;b&gt;在本机上生成此地图约需 {time}。&lt;/b&gt;再次点击“投影”开始（可随时取消）。</translation>
    </message>
    <message>
        <source>{n} points: about {time} (a long run: you will be asked first).</source>
        <translation>{n} 个点：约 {time}（耗时较长：开始前会先询问）。</translation>
    </message>
    <message>
        <source>{n} points: about {time}.</source>
        <translation>{n} 个点：约 {time}。</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>, about {time} left</source>
        <translation>，约剩 {time}</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Bookmark view</source>
        <translation>将视图加为书签</translation>
    </message>
    <message>
        <source>Save the points, projection, colouring, selection and view; saved with the project</source>
        <translation>保存点、投影、着色、选择和视图；随项目一起保存</translation>
    </message>
    <message>
        <source>Two runs on one map cannot be bookmarked: a bookmark projects its points again, and this map needs the second run too (Compare tab)</source>
        <translation>两次运行同在一张地图上时无法加入书签：书签会重新投影它的点，而这张地图还需要第二次运行（比较标签页）</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>{n:,} selected; colour: {colour}</source>
        <translation>已选 {n:,} 个；着色：{colour}</translation>
    </message>
    <message>
        <source>{method} of {n:,} names</source>
        <translation>{n:,} 个名称的 {method}</translation>
    </message>
    <message>
        <source>, {n:,} selected</source>
        <translation>，已选 {n:,} 个</translation>
    </message>
    <message>
        <source>Cannot restore the bookmark: {exc}</source>
        <translation>无法恢复书签：{exc}</translation>
    </message>
    <message>
        <source>The bookmark&apos;s colouring ({colour}) is not offered for these vectors.</source>
        <translation>这些向量不提供该书签的着色方式（{colour}）。</translation>
    </message>
    <message>
        <source>CSV: coordinates and metadata (*.csv)</source>
        <translation>CSV：坐标和元数据 (*.csv)</translation>
    </message>
    <message>
        <source>Embedding Projector: vectors + metadata TSV pair (*.tsv)</source>
        <translation>Embedding Projector：向量 + 元数据 TSV 文件对 (*.tsv)</translation>
    </message>
    <message>
        <source>Embedding Atlas: parquet with x, y and neighbours (*.parquet)</source>
        <translation>Embedding Atlas：含 x、y 和近邻的 parquet (*.parquet)</translation>
    </message>
    <message>
        <source>Export the map</source>
        <translation>导出地图</translation>
    </message>
    <message>
        <source>trust undefined for a map of {n} points (each point&apos;s {k} nearest would be all the others; it needs at least {least})</source>
        <translation>{n} 个点的地图没有可信度（每个点的 {k} 个最近邻就是其余所有点；至少需要 {least} 个点）</translation>
    </message>
    <message>
        <source>trust measured on a random {measured:,} of {n:,} points</source>
        <translation>可信度在 {n:,} 个点中随机抽取的 {measured:,} 个点上测得</translation>
    </message>
    <message>
        <source>trust measured on all {n:,} points</source>
        <translation>可信度在全部 {n:,} 个点上测得</translation>
    </message>
    <message>
        <source>custom axes</source>
        <translation>自定义坐标轴</translation>
    </message>
    <message>
        <source>perplexity {value:g}</source>
        <translation>困惑度 {value:g}</translation>
    </message>
    <message>
        <source>learning rate {value}</source>
        <translation>学习率 {value}</translation>
    </message>
    <message>
        <source>exaggeration {value:g}</source>
        <translation>夸大系数 {value:g}</translation>
    </message>
    <message>
        <source>{n} neighbours</source>
        <translation>{n} 个近邻</translation>
    </message>
    <message>
        <source>unit rows</source>
        <translation>单位长度向量</translation>
    </message>
    <message>
        <source>raw rows</source>
        <translation>原始向量</translation>
    </message>
    <message>
        <source>seed {seed}</source>
        <translation>种子 {seed}</translation>
    </message>
    <message>
        <source>{method} ({parameters})</source>
        <translation>{method}（{parameters}）</translation>
    </message>
    <message>
        <source>most-popular</source>
        <translation>最热门</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>next item</source>
        <translation>下一个物品</translation>
    </message>
    <message>
        <source>user vector</source>
        <translation>用户向量</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>dot</source>
        <translation>点积</translation>
    </message>
    <message>
        <source>training {method}</source>
        <translation>正在训练 {method}</translation>
    </message>
    <message>
        <source>the {method} baseline (HitRate {hit_rate:.4f}) beats every method: the vectors add nothing here (see the warnings above and below; check the threshold, the time column and min_count).</source>
        <translation>基线 {method}（HitRate {hit_rate:.4f}）胜过所有方法：向量在这里没有带来任何提升（见上下的警告；请检查阈值、时间列和 min_count）。</translation>
    </message>
    <message>
        <source>{method} vectors</source>
        <translation>{method} 向量</translation>
    </message>
    <message>
        <source>no rating column: implicit data, every event is kept</source>
        <translation>没有评分列：隐式数据，保留每个事件</translation>
    </message>
    <message>
        <source>every rating is {low:g}: implicit data, every event is kept</source>
        <translation>所有评分都是 {low:g}：隐式数据，保留每个事件</translation>
    </message>
    <message>
        <source> in steps of {step:g}</source>
        <translation>，步长 {step:g}</translation>
    </message>
    <message>
        <source>suggested: keep ratings &gt;= {threshold:g} ({share:.0%} of the events)</source>
        <translation>建议：保留评分 ≥ {threshold:g}（占事件的 {share:.0%}）</translation>
    </message>
    <message>
        <source>suggested: keep every event</source>
        <translation>建议：保留每个事件</translation>
    </message>
    <message>
        <source>ratings {low:g} to {high:g}{step} ({n} distinct values); {suggestion}</source>
        <translation>评分 {low:g} 到 {high:g}{step}（{n} 个不同取值）；{suggestion}</translation>
    </message>
    <message>
        <source>every rating is {low:g} (implicit data): a threshold of {threshold:g} drops every event; keep all events.</source>
        <translation>所有评分都是 {low:g}（隐式数据）：阈值 {threshold:g} 会去掉每个事件；请保留全部事件。</translation>
    </message>
    <message>
        <source>every rating is {low:g} (implicit data): a threshold of {threshold:g} filters nothing; keep all events.</source>
        <translation>所有评分都是 {low:g}（隐式数据）：阈值 {threshold:g} 什么也不会过滤；请保留全部事件。</translation>
    </message>
    <message>
        <source>keep ratings &gt;= {threshold:g} ({share:.0%})</source>
        <translation>保留评分 ≥ {threshold:g}（{share:.0%}）</translation>
    </message>
    <message>
        <source>keep every event</source>
        <translation>保留每个事件</translation>
    </message>
    <message>
        <source>the threshold {threshold:g} is above the highest rating ({high:g}): every event is dropped. Suggested: {suggested}.</source>
        <translation>阈值 {threshold:g} 高于最高评分（{high:g}）：每个事件都会被去掉。建议：{suggested}。</translation>
    </message>
    <message>
        <source>ratings run {low:g}-{high:g}: keeping ratings &gt;= {threshold:g} drops {dropped:.0%} of the events, and items with few events left get no vector or a poor one. Suggested: {suggested}.</source>
        <translation>评分范围为 {low:g}–{high:g}：保留评分 ≥ {threshold:g} 会去掉 {dropped:.0%} 的事件，剩余事件很少的物品得不到向量或只能得到很差的向量。建议：{suggested}。</translation>
    </message>
    <message>
        <source>No time column, and the rows are grouped by item: each user&apos;s &quot;last event&quot; is whatever the sorting put last, so leave-last-out evaluation measures nothing and sequences follow the item order. Give the time column if the file has one.</source>
        <translation>没有时间列，且各行按物品分组：每个用户的“最后一个事件”只是排序排在最后的那个，因此留一法评估毫无意义，序列也只是物品的顺序。如果文件有时间列，请指定它。</translation>
    </message>
    <message>
        <source>No time column, and the rows are sorted by user, then by item: each user&apos;s &quot;last event&quot; is the highest item id, so leave-last-out evaluation measures nothing and sequences follow the item order. Give the time column if the file has one.</source>
        <translation>没有时间列，且各行先按用户、再按物品排序：每个用户的“最后一个事件”是编号最大的物品，因此留一法评估毫无意义，序列也只是物品的顺序。如果文件有时间列，请指定它。</translation>
    </message>
    <message>
        <source>item vectors</source>
        <translation>物品向量</translation>
    </message>
    <message>
        <source>The {what} have collapsed: the mean cosine between two of them is {cosine:.3f} (near 1), so every item looks similar to every other and neighbours mean nothing. Usual causes: too few events per item (a threshold that drops most events), subsampling too strong (sample), or a ratings file trained as text.</source>
        <translation>{what}已坍缩：任意两个向量的平均余弦为 {cosine:.3f}（接近 1），所以每个物品看起来都与其他物品相似，近邻没有意义。常见原因：每个物品的事件太少（阈值去掉了大部分事件）、降采样过强（sample），或把评分文件当作文本训练。</translation>
    </message>
    <message>
        <source>{n:,} of {total:,} items get no vector ({share:.0%}): lower the rating threshold or min_count.</source>
        <translation>{total:,} 个物品中有 {n:,} 个得不到向量（{share:.0%}）：请降低评分阈值或 min_count。</translation>
    </message>
    <message>
        <source>wrong column count</source>
        <translation>列数不对</translation>
    </message>
    <message>
        <source>unmatched quote</source>
        <translation>引号不配对</translation>
    </message>
    <message>
        <source>blank line</source>
        <translation>空行</translation>
    </message>
    <message>
        <source>repeated header</source>
        <translation>重复的表头</translation>
    </message>
    <message>
        <source>missing field</source>
        <translation>缺少字段</translation>
    </message>
    <message>
        <source>non-numeric rating</source>
        <translation>评分不是数字</translation>
    </message>
    <message>
        <source>non-numeric time</source>
        <translation>时间不是数字</translation>
    </message>
    <message>
        <source>non-finite rating</source>
        <translation>评分不是有限数</translation>
    </message>
    <message>
        <source>non-finite time</source>
        <translation>时间不是有限数</translation>
    </message>
    <message>
        <source>user column</source>
        <translation>用户列</translation>
    </message>
    <message>
        <source>item column</source>
        <translation>物品列</translation>
    </message>
    <message>
        <source>rating column</source>
        <translation>评分列</translation>
    </message>
    <message>
        <source>time column</source>
        <translation>时间列</translation>
    </message>
    <message>
        <source>{role} {column} does not exist (columns count from 0 and the first line has {width})</source>
        <translation>{role} {column} 不存在（列从 0 开始编号，第一行有 {width} 列）</translation>
    </message>
    <message>
        <source>no bad rows</source>
        <translation>没有错误行</translation>
    </message>
    <message>
        <source>{n:,} {reason}</source>
        <translation>{reason} {n:,} 行</translation>
    </message>
    <message>
        <source>; first at lines {lines}</source>
        <translation>；最早出现在第 {lines} 行</translation>
    </message>
    <message>
        <source>skipped {n:,} bad rows ({kinds}){where}</source>
        <translation>跳过了 {n:,} 个错误行（{kinds}）{where}</translation>
    </message>
    <message>
        <source>{why} (the header&apos;s bytes may not be {encoding}; give the columns by number with --header off)</source>
        <translation>{why}（表头的字节可能不是 {encoding} 编码；请关闭表头（--header off）并按编号指定列）</translation>
    </message>
    <message>
        <source>no column named {column} (the header has {names})</source>
        <translation>没有名为 {column} 的列（表头中有 {names}）</translation>
    </message>
    <message>
        <source>column {column} does not exist (the header has {n} columns)</source>
        <translation>第 {column} 列不存在（表头只有 {n} 列）</translation>
    </message>
    <message>
        <source>wrong column count (expected {expected}, got {found})</source>
        <translation>列数不对（应为 {expected}，实为 {found}）</translation>
    </message>
    <message>
        <source>{path}, line {line}: {reason}: {text} (strict mode; turn it off to skip bad rows)</source>
        <translation>{path} 第 {line} 行：{reason}：{text}（严格模式；关闭它可跳过有问题的行）</translation>
    </message>
    <message>
        <source>Reading {name}: {n:,} sentences</source>
        <translation>正在读取 {name}：{n:,} 个句子</translation>
    </message>
    <message>
        <source>Counting words of {name}</source>
        <translation>正在统计 {name} 的词</translation>
    </message>
    <message>
        <source>Building the vocabulary</source>
        <translation>正在构建词表</translation>
    </message>
    <message>
        <source>Adding the new data&apos;s words to the model</source>
        <translation>正在把新数据的词加入模型</translation>
    </message>
    <message>
        <source>analogy evaluation skipped: {error}</source>
        <translation>已跳过类比评估：{error}</translation>
    </message>
    <message>
        <source>compiling kernels, first run only</source>
        <translation>正在编译内核，仅首次运行需要</translation>
    </message>
    <message>
        <source>corpus: {tokens:,} tokens, {types:,} distinct</source>
        <translation>语料：{tokens:,} 个词元，{types:,} 个不同词</translation>
    </message>
    <message>
        <source>kept (min_count={min_count}{cap}): {types:,} distinct, {tokens:,} tokens ({coverage:.1%} of the corpus)</source>
        <translation>保留（min_count={min_count}{cap}）：{types:,} 个不同词，{tokens:,} 个词元（占语料的 {coverage:.1%}）</translation>
    </message>
    <message>
        <source>dropped: {types:,} distinct, {tokens:,} tokens</source>
        <translation>去掉：{types:,} 个不同词，{tokens:,} 个词元</translation>
    </message>
    <message>
        <source>{n:,} {word}</source>
        <translation>{n:,} {word}</translation>
    </message>
    <message>
        <source>{method}: generating walks on Spark ({master})</source>
        <translation>{method}：正在 Spark 上生成游走（{master}）</translation>
    </message>
    <message>
        <source>{method}: {walks:,} walks ({steps:,} steps) generated on Spark ({master})</source>
        <translation>{method}：在 Spark 上生成了 {walks:,} 条游走（{steps:,} 步）（{master}）</translation>
    </message>
    <message>
        <source>word2vec text (.txt)</source>
        <translation>word2vec 文本 (.txt)</translation>
    </message>
    <message>
        <source>word2vec binary (.bin)</source>
        <translation>word2vec 二进制 (.bin)</translation>
    </message>
    <message>
        <source>GloVe text, no header (.txt)</source>
        <translation>GloVe 文本，无表头 (.txt)</translation>
    </message>
    <message>
        <source>fastText text (.vec)</source>
        <translation>fastText 文本 (.vec)</translation>
    </message>
    <message>
        <source>TensorFlow Embedding Projector (vectors.tsv + metadata.tsv)</source>
        <translation>TensorFlow Embedding Projector（vectors.tsv + metadata.tsv）</translation>
    </message>
    <message>
        <source>NumPy matrix + vocabulary (.npy + .vocab.txt)</source>
        <translation>NumPy 矩阵 + 词表 (.npy + .vocab.txt)</translation>
    </message>
    <message>
        <source>CSV with a name column (.csv)</source>
        <translation>带名称列的 CSV (.csv)</translation>
    </message>
    <message>
        <source>id:v1 v2 ... lines (SparrowRecSys item2vec)</source>
        <translation>id:v1 v2 ... 行（SparrowRecSys item2vec）</translation>
    </message>
    <message>
        <source>Spark ML Word2VecModel (folder)</source>
        <translation>Spark ML Word2VecModel（文件夹）</translation>
    </message>
    <message>
        <source>Parquet table of item, vector (.parquet)</source>
        <translation>物品、向量的 Parquet 表 (.parquet)</translation>
    </message>
    <message>
        <source>w2v-desktop model (.npz)</source>
        <translation>w2v-desktop 模型 (.npz)</translation>
    </message>
    <message>
        <source>Columns: name, count, trust, x, y (and z on a 3-D map) and the metadata (a unique start of the name is enough).
Compare with = != &lt; &lt;= &gt; &gt;= and ~ or contains (text, any case); combine with AND, OR, NOT and parentheses.
On a multi-label column, genres = Sci-Fi means “has the value Sci-Fi”. Quote values with spaces, quotes or parentheses: title ~ &quot;Heat (1995)&quot;. Enter applies the filter and selects the matching points on the map.</source>
        <translation>列：name、count、trust、x、y（三维地图还有 z）以及元数据列（列名写出唯一的开头即可）。
比较运算：= != &lt; &lt;= &gt; &gt;=，以及 ~ 或 contains（文本包含，不区分大小写）；用 AND、OR、NOT 和括号组合。
在多标签列上，genres = Sci-Fi 表示“含有取值 Sci-Fi”。含空格、引号或括号的值请加引号：title ~ &quot;Heat (1995)&quot;。按回车应用筛选，并在地图上选中匹配的点。</translation>
    </message>
    <message>
        <source>filter, e.g. genres = Sci-Fi AND count &gt; 50</source>
        <translation>筛选，例如 genres = Sci-Fi AND count &gt; 50</translation>
    </message>
    <message>
        <source>Table of the points (sort, filter)</source>
        <translation>点的表格（排序、筛选）</translation>
    </message>
    <message>
        <source>A table of the points on the map below it; a filter selects on the map</source>
        <translation>在地图下方列出地图上的点；筛选结果会在地图上选中</translation>
    </message>
    <message>
        <source>{n:,} points</source>
        <translation>{n:,} 个点</translation>
    </message>
    <message>
        <source>{n:,} of {total:,} points match</source>
        <translation>{total:,} 个点中有 {n:,} 个匹配</translation>
    </message>
    <message>
        <source>Two runs on one map are drawn in 2-D (one PCA of both runs). “Clear comparison” gives the 3-D option back.</source>
        <translation>两次运行画在同一张地图上时总是二维（对两次运行做一次 PCA）。点“清除比较”后可再选三维。</translation>
    </message>
    <message>
        <source>Arrows from run A to run B for this many names, those that moved most</source>
        <translation>为移动最多的这么多个名称画出从运行 A 到运行 B 的箭头</translation>
    </message>
    <message>
        <source>Clear comparison</source>
        <translation>清除比较</translation>
    </message>
    <message>
        <source>Arrows:</source>
        <translation>箭头：</translation>
    </message>
    <message>
        <source>Two runs: PCA of run A and the aligned run B, {n} names</source>
        <translation>两次运行：运行 A 与对齐后的运行 B 的 PCA，{n} 个名称</translation>
    </message>
    <message>
        <source>run A: {name}, coloured as the map</source>
        <translation>运行 A：{name}，按地图的着色</translation>
    </message>
    <message>
        <source>run A: {name}</source>
        <translation>运行 A：{name}</translation>
    </message>
    <message>
        <source>run B: {name}, aligned onto A</source>
        <translation>运行 B：{name}，已对齐到 A</translation>
    </message>
    <message>
        <source>arrows A → B: the {k} names that moved most</source>
        <translation>箭头 A → B：移动最多的 {k} 个名称</translation>
    </message>
    <message>
        <source>Run A: PCA of runs A and B, {n} names</source>
        <translation>运行 A：两次运行的 PCA，{n} 个名称</translation>
    </message>
    <message>
        <source> · moved {moved:.3f} from run A to run B</source>
        <translation> · 从运行 A 到运行 B 移动了 {moved:.3f}</translation>
    </message>
    <message>
        <source>Runs A and B on one map (B aligned onto A, one PCA of both: {share:.0%} of the variance); {n:,} names, mean moved {mean:.3f}.</source>
        <translation>运行 A 和 B 画在同一张地图上（B 已对齐到 A，两者共用一次 PCA：占方差的 {share:.0%}）；{n:,} 个名称，平均移动 {mean:.3f}。</translation>
    </message>
    <message>
        <source>{name} in run B
moved {moved:.3f}</source>
        <translation>{name}（运行 B）
移动了 {moved:.3f}</translation>
    </message>
    <message>
        <source>3-D: right-drag or Alt+drag turns the map, so do the arrow keys (Home: back); the wheel zooms.</source>
        <translation>三维：按住右键拖动或 Alt+拖动可旋转地图，方向键也可以（Home：复原）；滚轮缩放。</translation>
    </message>
    <message>
        <source>Lay the points out in three dimensions and turn the map with the mouse (right-drag or Alt+drag) or the arrow keys. Drawn without OpenGL: works everywhere.</source>
        <translation>将点布局在三维空间中，并用鼠标（右键拖动或 Alt+拖动）或方向键旋转地图。绘制不依赖 OpenGL：处处可用。</translation>
    </message>
    <message>
        <source>3-D maps are for PCA and UMAP: t-SNE lays out 2-D maps only here, and custom axes are two formulas, x and y.</source>
        <translation>三维地图仅适用于 PCA 和 UMAP：此处 t-SNE 只生成二维地图，自定义坐标轴只有 x 和 y 两个公式。</translation>
    </message>
    <message>
        <source>3-D</source>
        <translation>三维</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>重置视图</translation>
    </message>
    <message>
        <source>Back to the first view of the 3-D map (Home)</source>
        <translation>回到三维地图的初始视图（Home）</translation>
    </message>
    <message>
        <source>the end</source>
        <translation>末尾</translation>
    </message>
    <message>
        <source>at {n}</source>
        <translation>（第 {n} 个字符）</translation>
    </message>
    <message>
        <source>the quote {at} is never closed</source>
        <translation>引号{at}没有闭合</translation>
    </message>
    <message>
        <source>unexpected &apos;)&apos; {at}</source>
        <translation>多余的 &apos;)&apos;{at}</translation>
    </message>
    <message>
        <source>expected AND, OR or the end {at}, not {found}</source>
        <translation>{at}应为 AND、OR 或结束，而不是 {found}</translation>
    </message>
    <message>
        <source>missing &apos;)&apos; {at} to close the &apos;(&apos; {opened}</source>
        <translation>{at}缺少 &apos;)&apos;，无法闭合{opened}的 &apos;(&apos;</translation>
    </message>
    <message>
        <source>expected AND, OR or &apos;)&apos; {at}, not {found}</source>
        <translation>{at}应为 AND、OR 或 &apos;)&apos;，而不是 {found}</translation>
    </message>
    <message>
        <source>expected a column name after {before} {at}, not {found}</source>
        <translation>{before} 之后{at}应为列名，而不是 {found}</translation>
    </message>
    <message>
        <source>expected a column name {at}, not {found}</source>
        <translation>{at}应为列名，而不是 {found}</translation>
    </message>
    <message>
        <source>{name} {at} could be {choices}: type more of the name</source>
        <translation>{name}{at}可能是 {choices}：请多输入几个字符</translation>
    </message>
    <message>
        <source>unknown column {name} {at} (columns: {names})</source>
        <translation>未知的列 {name}{at}（可用的列：{names}）</translation>
    </message>
    <message>
        <source>expected {operators} after {name} {at}, not {found}</source>
        <translation>{name} 之后{at}应为 {operators}，而不是 {found}</translation>
    </message>
    <message>
        <source>expected a value after {op} {at}</source>
        <translation>{op} 之后{at}应有一个值</translation>
    </message>
    <message>
        <source>an empty value {at} can only follow = or !=, not {op}</source>
        <translation>空值{at}只能用于 = 或 !=，不能用于 {op}</translation>
    </message>
    <message>
        <source>{op} {at} looks for text, but {column} is a number column (compare it with =, !=, &lt;, &lt;=, &gt;, &gt;=)</source>
        <translation>{op}{at}用于查找文本，但 {column} 是数值列（请用 =、!=、&lt;、&lt;=、&gt;、&gt;= 比较）</translation>
    </message>
    <message>
        <source>{column} is a number column: expected a number after {op} {at}, not {value}</source>
        <translation>{column} 是数值列：{op} 之后{at}应为数字，而不是 {value}</translation>
    </message>
    <message>
        <source>{layout}: delimiter {delimiter}, {header}, user={user}, item={item}, rating={rating}, time={time}</source>
        <translation>{layout}：分隔符 {delimiter}，{header}，用户={user}，物品={item}，评分={rating}，时间={time}</translation>
    </message>
    <message>
        <source>header</source>
        <translation>有表头</translation>
    </message>
    <message>
        <source>no header</source>
        <translation>无表头</translation>
    </message>
    <message>
        <source>none (implicit)</source>
        <translation>无（隐式数据）</translation>
    </message>
    <message>
        <source>none (file order)</source>
        <translation>无（按文件顺序）</translation>
    </message>
    <message>
        <source>movielens-100k</source>
        <translation>MovieLens 100K（u.data）</translation>
    </message>
    <message>
        <source>movielens-dat</source>
        <translation>MovieLens 1M/10M（:: 分隔）</translation>
    </message>
    <message>
        <source>movielens-csv</source>
        <translation>MovieLens CSV（ratings.csv）</translation>
    </message>
    <message>
        <source>delimited</source>
        <translation>分隔文本</translation>
    </message>
    <message>
        <source>named</source>
        <translation>按列名</translation>
    </message>
    <message>
        <source>parquet</source>
        <translation>Parquet</translation>
    </message>
    <message>
        <source>found only one column; a ratings file needs at least user and item</source>
        <translation>只找到一列；评分文件至少需要用户列和物品列</translation>
    </message>
    <message>
        <source>not a text file (binary data: a NUL byte at byte offset {nul})</source>
        <translation>不是文本文件（二进制数据：字节偏移 {nul} 处有 NUL 字节）</translation>
    </message>
    <message>
        <source>cannot tell the delimiter (tried {tried}); give it explicitly</source>
        <translation>无法判断分隔符（已尝试 {tried}）；请明确指定</translation>
    </message>
    <message>
        <source>Collecting the corpus</source>
        <translation>正在收集语料</translation>
    </message>
    <message>
        <source>{description}: counting</source>
        <translation>{description}：计数</translation>
    </message>
    <message>
        <source>{description}: streaming tokens</source>
        <translation>{description}：传回词元</translation>
    </message>
    <message>
        <source>Training MLlib Word2Vec</source>
        <translation>正在训练 MLlib Word2Vec</translation>
    </message>
    <message>
        <source>Counting items</source>
        <translation>正在统计物品</translation>
    </message>
    <message>
        <source>Bringing back {n:,} item tokens</source>
        <translation>正在取回 {n:,} 个物品词元</translation>
    </message>
    <message>
        <source>{description} ({stage}): {done:,}/{total:,} tasks</source>
        <translation>{description}（{stage}）：{done:,}/{total:,} 个任务</translation>
    </message>
    <message>
        <source>{description} ({stage})</source>
        <translation>{description}（{stage}）</translation>
    </message>
    <message>
        <source>{description}: {done:,}/{total:,} tasks</source>
        <translation>{description}：{done:,}/{total:,} 个任务</translation>
    </message>
    <message>
        <source>Item graph: numbering items</source>
        <translation>物品图：为物品编号</translation>
    </message>
    <message>
        <source>Item graph: counting transitions</source>
        <translation>物品图：统计转移</translation>
    </message>
    <message>
        <source>{method} walks</source>
        <translation>{method} 游走</translation>
    </message>
    <message>
        <source>analogy file</source>
        <translation>类比文件</translation>
    </message>
    <message>
        <source>question before any &apos;: section&apos; line</source>
        <translation>在任何“: 分节”行之前出现了题目</translation>
    </message>
    <message>
        <source>expected 4 words, found {n}</source>
        <translation>应有 4 个词，实有 {n} 个</translation>
    </message>
    <message>
        <source>{path}, line {line}: {reason}</source>
        <translation>{path} 第 {line} 行：{reason}</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte 0x{byte:02x} at column {column}); save the {what} as UTF-8</source>
        <translation>不是 UTF-8 文本（第 {column} 列的字节 0x{byte:02x}）；请将{what}另存为 UTF-8</translation>
    </message>
    <message>
        <source>word-pair file</source>
        <translation>词对文件</translation>
    </message>
    <message>
        <source>expected &apos;word1 word2 score&apos;, found {fields}</source>
        <translation>应为“词1 词2 分数”，实有 {fields}</translation>
    </message>
    <message>
        <source>field</source>
        <translation>个字段</translation>
    </message>
    <message>
        <source>fields</source>
        <translation>个字段</translation>
    </message>
    <message>
        <source>score {score} is not a number (header lines must start with &apos;#&apos;)</source>
        <translation>分数 {score} 不是数字（表头行必须以“#”开头）</translation>
    </message>
    <message>
        <source>expected a &apos;count dim&apos; header line (is this a word2vec binary file?)</source>
        <translation>应有“数量 维数”表头行（这是 word2vec 二进制文件吗？）</translation>
    </message>
    <message>
        <source>the header promises {count} vectors of dimension {dim}</source>
        <translation>表头声明了 {count} 个 {dim} 维向量</translation>
    </message>
    <message>
        <source>the header promises {count} vectors but the file ends after {found}</source>
        <translation>表头声明了 {count} 个向量，但文件在第 {found} 个之后就结束了</translation>
    </message>
    <message>
        <source>no name before the vector, or a line break inside a name (is the header&apos;s dimension {dim} right?)</source>
        <translation>向量前没有名称，或名称中有换行（表头的维数 {dim} 对吗？）</translation>
    </message>
    <message>
        <source>data after the {count} vectors the header promises (is the header&apos;s dimension {dim} right?)</source>
        <translation>表头声明的 {count} 个向量之后还有数据（表头的维数 {dim} 对吗？）</translation>
    </message>
    <message>
        <source>byte {byte}</source>
        <translation>第 {byte} 字节</translation>
    </message>
    <message>
        <source>vector of {name} holds NaN or infinity</source>
        <translation>{name} 的向量含有 NaN 或无穷大</translation>
    </message>
    <message>
        <source>record {record} (byte {byte})</source>
        <translation>第 {record} 条记录（第 {byte} 字节）</translation>
    </message>
    <message>
        <source>name bytes are not valid {encoding}; pass another encoding, e.g. encoding=&apos;latin-1&apos;</source>
        <translation>名称字节不是有效的 {encoding}；请换一种编码，例如 encoding=&apos;latin-1&apos;</translation>
    </message>
    <message>
        <source>{path}, {where}: {reason}</source>
        <translation>{path} {where}：{reason}</translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <translation>{path}：{reason}</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>第 {line} 行</translation>
    </message>
    <message>
        <source>record {record}</source>
        <translation>第 {record} 条记录</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>bytes are not valid {encoding} (byte 0x{bad} at column {column}); pass another encoding, e.g. encoding=&apos;latin-1&apos;</source>
        <translation>字节不是有效的 {encoding}（第 {column} 列的字节 0x{bad}）；请换一种编码，例如 encoding=&apos;latin-1&apos;</translation>
    </message>
    <message>
        <source>value {i} ({token}) is not a number</source>
        <translation>第 {i} 个值（{token}）不是数字</translation>
    </message>
    <message>
        <source>value {i} is {token}; vectors must be finite numbers</source>
        <translation>第 {i} 个值是 {token}；向量必须是有限数值</translation>
    </message>
    <message>
        <source>empty name</source>
        <translation>名称为空</translation>
    </message>
    <message>
        <source>duplicate name {name} (first at {first})</source>
        <translation>名称 {name} 重复（首次出现在{first}）</translation>
    </message>
    <message>
        <source>expected {expected} values, found {found}</source>
        <translation>应有 {expected} 个值，实有 {found} 个</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>the header &apos;{count} {dim}&apos; promises {count:,} vectors of dimension {dim:,}, which need at least {need:,} bytes, but the file has {size:,} (truncated, or not this format)</source>
        <translation>表头“{count} {dim}”声明了 {count:,} 个 {dim:,} 维向量，至少需要 {need:,} 字节，但文件只有 {size:,} 字节（文件被截断，或不是这种格式）</translation>
    </message>
    <message>
        <source>the header gives dimension {dim}</source>
        <translation>表头给出的维数是 {dim}</translation>
    </message>
    <message>
        <source>expected a name followed by numbers, or a &apos;count dim&apos; header</source>
        <translation>应为名称后接数值，或“数量 维数”表头</translation>
    </message>
    <message>
        <source>expected a name and {dim} values, found 1 value</source>
        <translation>应有名称和 {dim} 个值，实有 1 个值</translation>
    </message>
    <message>
        <source>expected a name and {dim} values, found {found} values</source>
        <translation>应有名称和 {dim} 个值，实有 {found} 个值</translation>
    </message>
    <message>
        <source>expected {dim} values after the name, found {found}</source>
        <translation>名称后应有 {dim} 个值，实有 {found} 个</translation>
    </message>
    <message>
        <source>expected &apos;name:v1 v2 ...&apos; but the line has no &apos;:&apos;</source>
        <translation>应为“名称:v1 v2 ...”，但这一行没有“:”</translation>
    </message>
    <message>
        <source>more vectors than the {count} the header (line {skip}) promises</source>
        <translation>向量多于表头（第 {skip} 行）声明的 {count} 个</translation>
    </message>
    <message>
        <source>the file holds no vectors</source>
        <translation>文件中没有向量</translation>
    </message>
    <message>
        <source>the header promises {count} vectors but the file ends after {found} (line {line})</source>
        <translation>表头声明了 {count} 个向量，但文件在第 {found} 个之后（第 {line} 行）就结束了</translation>
    </message>
    <message>
        <source>cannot read these numbers</source>
        <translation>无法读取这些数值</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <source>the folder contains no files</source>
        <translation>文件夹中没有文件</translation>
    </message>
    <message>
        <source>cannot open ({why})</source>
        <translation>无法打开（{why}）</translation>
    </message>
    <message>
        <source>damaged compressed file ({why})</source>
        <translation>压缩文件已损坏（{why}）</translation>
    </message>
    <message>
        <source>unknown text encoding {encoding}</source>
        <translation>未知的文本编码 {encoding}</translation>
    </message>
    <message>
        <source>UTF-8 or GB18030/GBK</source>
        <translation>UTF-8 或 GB18030/GBK</translation>
    </message>
    <message>
        <source>; choose its encoding explicitly (e.g. latin-1, cp1252, big5)</source>
        <translation>；请明确选择它的编码（例如 latin-1、cp1252、big5）</translation>
    </message>
    <message>
        <source>byte 0x{byte} at byte offset {offset} is not valid {encoding} text{hint}</source>
        <translation>字节偏移 {offset} 处的字节 0x{byte} 不是有效的 {encoding} 文本{hint}</translation>
    </message>
    <message>
        <source>every file in the folder is empty</source>
        <translation>文件夹中的文件都是空的</translation>
    </message>
    <message>
        <source>no words found (all were removed by the stop-word or length filters)</source>
        <translation>没有找到词（全部被停用词或长度过滤器去掉了）</translation>
    </message>
    <message>
        <source>no words found</source>
        <translation>没有找到词</translation>
    </message>
    <message>
        <source>{name} holds Python objects; a model file holds numbers only</source>
        <translation>{name} 含有 Python 对象；模型文件只能含有数值</translation>
    </message>
    <message>
        <source>not a w2v-desktop model file (its metadata is not a model&apos;s)</source>
        <translation>不是 w2v-desktop 模型文件（其元数据不是模型的）</translation>
    </message>
    <message>
        <source>written by a newer w2v-desktop (model file version {version}); update to load it</source>
        <translation>由更新版本的 w2v-desktop 写入（模型文件版本 {version}）；请升级后再打开</translation>
    </message>
    <message>
        <source>the word {word:.60} appears twice</source>
        <translation>词 {word:.60} 出现了两次</translation>
    </message>
    <message>
        <source>config: {why}</source>
        <translation>配置：{why}</translation>
    </message>
    <message>
        <source>no counts (the model file is incomplete)</source>
        <translation>没有词频（模型文件不完整）</translation>
    </message>
    <message>
        <source>hierarchical softmax</source>
        <translation>层次 softmax</translation>
    </message>
    <message>
        <source>negative sampling</source>
        <translation>负采样</translation>
    </message>
    <message>
        <source>the config trains with {training} but the file has no {layer}</source>
        <translation>配置使用{training}训练，但文件中没有 {layer}</translation>
    </message>
    <message>
        <source>the config trains with {training} but the file has {other}</source>
        <translation>配置使用{training}训练，但文件中有 {other}</translation>
    </message>
    <message>
        <source>counts has shape {shape}, expected ({rows},) for {rows} words</source>
        <translation>counts 的形状是 {shape}，{rows} 个词应为 ({rows},)</translation>
    </message>
    <message>
        <source>{name} has shape {shape}, expected {wanted} for {rows} words and dim {dim}</source>
        <translation>{name} 的形状是 {shape}，{rows} 个词、{dim} 维应为 {wanted}</translation>
    </message>
    <message>
        <source>counts holds a count too large for a 64-bit integer</source>
        <translation>counts 中有超出 64 位整数范围的词频</translation>
    </message>
    <message>
        <source>counts must all be at least 1 ({n:,} are not, the first at row {row})</source>
        <translation>counts 必须都至少为 1（有 {n:,} 个不是，第一个在第 {row} 行）</translation>
    </message>
    <message>
        <source>{name} holds NaN or infinite weights ({n:,} rows, the first row {row})</source>
        <translation>{name} 含有 NaN 或无穷大的权重（{n:,} 行，第一处在第 {row} 行）</translation>
    </message>
    <message>
        <source>not a w2v-desktop model file (a .npz saved with --model or File &gt; Save model)</source>
        <translation>不是 w2v-desktop 模型文件（应为用 --model 或“文件 &gt; 保存模型”保存的 .npz）</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>没有这个文件</translation>
    </message>
    <message>
        <source>a folder, not a model file</source>
        <translation>这是文件夹，不是模型文件</translation>
    </message>
    <message>
        <source>not a w2v-desktop model file (no metadata or weights)</source>
        <translation>不是 w2v-desktop 模型文件（没有元数据或权重）</translation>
    </message>
    <message>
        <source>damaged model metadata ({why})</source>
        <translation>模型元数据已损坏（{why}）</translation>
    </message>
    <message>
        <source>{path}: line {line}: {reason}</source>
        <translation>{path} 第 {line} 行：{reason}</translation>
    </message>
    <message>
        <source>{name} has a negative dimension {shape}</source>
        <translation>{name} 有负的维度 {shape}</translation>
    </message>
    <message>
        <source>{name} holds Python objects; only numbers are read</source>
        <translation>{name} 含有 Python 对象；只读取数值</translation>
    </message>
    <message>
        <source>{name} declares {declared:,} bytes but its shape {shape} of {dtype} needs {needed:,}</source>
        <translation>{name} 声明了 {declared:,} 字节，但其形状 {shape}（{dtype}）需要 {needed:,} 字节</translation>
    </message>
    <message>
        <source>{name} is truncated</source>
        <translation>{name} 被截断了</translation>
    </message>
</context>
</TS>
