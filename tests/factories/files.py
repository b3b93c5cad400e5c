"""Files the tests upload."""

# The smallest PDF the attachment checks (board and regional meetings) accept.
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
