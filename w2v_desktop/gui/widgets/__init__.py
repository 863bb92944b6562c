"""Small widgets shared by the exploration panels (no maths here)."""
