"""Walking inputs honestly: everything found in an input folder is read or
named with the reason it is not; nothing is opened that could block."""

from __future__ import annotations

import os
import socket
import threading

from planextract.pipeline.inputs import collect


def _problems(scan) -> dict[str, tuple[str, str]]:
    """Problems and notes by file name; a note is never also a problem."""
    assert all(p.kind == "failed" for p in scan.problems)
    assert all(p.kind == "warning" for p in scan.notes)
    return {os.path.basename(p.path): (p.kind, p.message) for p in scan.problems + scan.notes}


def test_fifo_is_named_and_never_opened(tmp_path):
    (tmp_path / "plan.txt").write_text("a\tb\n")
    os.mkfifo(tmp_path / "pipe.txt")
    result: list = []
    # collect runs in a thread: a hang on opening the FIFO would show as a timeout
    worker = threading.Thread(target=lambda: result.append(collect([str(tmp_path)])),
                              daemon=True)
    worker.start()
    worker.join(10)
    assert result, "collect blocked on the FIFO"
    scan = result[0]
    assert scan.files == [str(tmp_path / "plan.txt")]
    assert _problems(scan)["pipe.txt"] == ("failed", "a FIFO (named pipe), not a regular "
                                                     "file: never opened")


def test_socket_and_device_are_named(tmp_path):
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "s.sock"))
    try:
        scan = collect([str(tmp_path), "/dev/null"])
    finally:
        sock.close()
    problems = _problems(scan)
    assert problems["s.sock"][1].startswith("a socket, not a regular file")
    assert problems["null"][1].startswith("a character device, not a regular file")
    assert scan.files == []


def test_symlink_loops_are_named(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plan.txt").write_text("a\tb\n")
    os.symlink("b", folder / "a")  # a -> b -> a
    os.symlink("a", folder / "b")
    os.symlink(".", folder / "self")  # a folder linking to itself
    scan = collect([str(folder)])
    problems = _problems(scan)
    assert scan.files == [str(folder / "plan.txt")]
    assert problems["a"][0] == "failed" and problems["a"][1].startswith("a symlink loop")
    assert problems["b"][1].startswith("a symlink loop")
    assert problems["self"] == ("warning", f"a link to the folder {folder}, already read: "
                                           "not read twice (a symlink loop or a second way in)")


def test_symlinked_folder_is_followed_once_with_a_note(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "plan.txt").write_text("a\tb\n")
    folder = tmp_path / "in"
    folder.mkdir()
    os.symlink(elsewhere, folder / "linked")
    os.symlink(elsewhere, folder / "linked-again")
    scan = collect([str(folder)])
    assert scan.files == [str(folder / "linked" / "plan.txt")]
    problems = _problems(scan)
    assert problems["linked"] == ("warning", f"a symlinked folder (it points to {elsewhere}): "
                                             "followed, its files are read")
    assert problems["linked-again"][1].startswith(f"a link to the folder {folder}/linked,")


def test_a_file_linked_twice_is_read_once(tmp_path):
    (tmp_path / "plan.txt").write_text("a\tb\n")
    os.symlink("plan.txt", tmp_path / "same.txt")
    scan = collect([str(tmp_path)])
    assert scan.files == [str(tmp_path / "plan.txt")]
    assert _problems(scan)["same.txt"][0] == "warning"


def test_broken_symlink_is_named(tmp_path):
    os.symlink("gone.txt", tmp_path / "link.txt")
    scan = collect([str(tmp_path)])
    assert _problems(scan)["link.txt"] == ("failed", "a broken symlink (it points to gone.txt, "
                                                     "which does not exist): nothing read")


def test_unreadable_folder_is_named(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "plan.txt").write_text("a\tb\n")
    (tmp_path / "open.txt").write_text("a\tb\n")
    real_scandir = os.scandir

    def scandir(path):  # what chmod 000 does for a user who is not root
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    scan = collect([str(tmp_path)])
    assert scan.files == [str(tmp_path / "open.txt")]
    assert _problems(scan)["locked"] == (
        "failed", "a folder that cannot be read (Permission denied): the files in it were "
                  "not read; fix its permissions and run again")


def test_hidden_files_are_counted_not_silently_skipped(tmp_path):
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    (tmp_path / ".git").mkdir()
    (tmp_path / "plan.txt").write_text("a\tb\n")
    scan = collect([str(tmp_path)])
    assert scan.files == [str(tmp_path / "plan.txt")]
    assert scan.problems == []
    assert [(p.kind, p.message) for p in scan.notes] == [
        ("warning", "2 hidden file(s) or folder(s) (names starting with '.') skipped")]


def test_a_missing_named_path_is_kept_to_be_reported(tmp_path):
    scan = collect([str(tmp_path / "missing.txt")])
    assert scan.files == [str(tmp_path / "missing.txt")]


def test_the_dataset_folder_is_never_an_input(tmp_path):
    (tmp_path / "plan.txt").write_text("a\tb\n")
    (tmp_path / "out" / "actions").mkdir(parents=True)
    (tmp_path / "out" / "actions" / "part-0.parquet").write_bytes(b"PAR1")
    scan = collect([str(tmp_path)], exclude=[tmp_path / "out"])
    assert scan.files == [str(tmp_path / "plan.txt")]
    assert scan.problems == [] and scan.notes == [] and scan.notes == []
