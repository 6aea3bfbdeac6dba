"""PDF reader: pages (glyphs, rules) -> ruled/unruled page tables -> pages stitched."""
