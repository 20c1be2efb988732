"""Generator for the Mesoamerican labour-migration knowledge base.

The flow is one direction, one sub-package per step:

    load      strict YAML -> plain data with the position of every value
    validate  typed models + cross-record checks -> every problem at once
    render    Jinja2 templates -> one Markdown tree per language
    build     MkDocs + Material per language, Pagefind search, atomic swap into site/
"""
