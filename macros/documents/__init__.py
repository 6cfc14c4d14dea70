"""The source documents: their model and checks (document), citations of paragraphs
("national-protocol:9.3", citations), cross-references in their text (references), the source's
own words behind each line of ours (evidence), and the glossary (glossary).

May import: `macros.core` plumbing (problems, yamlfile). Nothing from the other domains.
"""
