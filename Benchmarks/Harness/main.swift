print("kartotek-bench")
