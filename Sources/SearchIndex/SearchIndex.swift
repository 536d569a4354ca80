// The SearchIndex module: see Docs/.
