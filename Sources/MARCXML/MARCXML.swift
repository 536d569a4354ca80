// The MARCXML module: see Docs/.
