"""What an analyst sees: the HTML review report, spreadsheet/CSV/JSONL exports,
and the dataset's own documentation, all read from a written dataset."""
