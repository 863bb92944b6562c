from w2v_desktop.cli import main

raise SystemExit(main())
