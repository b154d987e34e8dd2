"""Answering: a LangChain retriever over the hybrid index, and answer chains with verified citations."""
