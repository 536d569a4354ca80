// The Catalog module: see Docs/.
