print("kartotek")
