"""Files attached to artifacts and conversations (store/files.py).

Every test uses a real library file in a temporary ARTIFACTS_HOME (the ``store`` fixture).
"""

from __future__ import annotations

import pytest

from artifacts_runtime.errors import InvalidInput, NotFound
from artifacts_runtime.store import Store
from artifacts_runtime.store.files import MAX_FILE_BYTES

# ---------------------------------------------------------------------------- files


async def test_attached_files_are_read_back_from_the_artifact(store: Store):
    artifact = await store.create("x")
    attached = await store.attach_file("data.csv", b"a,b\n1,2\n", artifact_id=artifact.id)
    assert (attached.size, attached.mime) == (8, "text/csv")
    read = await store.read_file("data.csv", artifact_id=artifact.id)
    assert read.data == b"a,b\n1,2\n"
    with pytest.raises(NotFound, match=r"other\.csv"):
        await store.read_file("other.csv", artifact_id=artifact.id)


async def test_an_artifact_reads_its_conversations_files_and_its_own_win(store: Store):
    conversation = await store.create_conversation()
    artifact = await store.create("x", conversation_id=conversation.id)
    await store.attach_file("shared.txt", b"from chat", conversation_id=conversation.id)
    await store.attach_file("both.txt", b"chat copy", conversation_id=conversation.id)
    await store.attach_file("both.txt", b"own copy", artifact_id=artifact.id)

    names = [f.name for f in await store.files(artifact_id=artifact.id)]
    assert sorted(names) == ["both.txt", "shared.txt"]
    assert (await store.read_file("shared.txt", artifact_id=artifact.id)).data == b"from chat"
    assert (await store.read_file("both.txt", artifact_id=artifact.id)).data == b"own copy"
    other = await store.create("y")
    assert await store.files(artifact_id=other.id) == []


async def test_attaching_again_under_the_same_name_replaces_the_file(store: Store):
    artifact = await store.create("x")
    await store.attach_file("a.txt", b"old", artifact_id=artifact.id)
    await store.attach_file("a.txt", b"new", artifact_id=artifact.id)
    assert len(await store.files(artifact_id=artifact.id)) == 1
    assert (await store.read_file("a.txt", artifact_id=artifact.id)).data == b"new"


async def test_an_oversize_file_is_refused_and_nothing_is_stored(store: Store):
    artifact = await store.create("x")
    with pytest.raises(InvalidInput, match="at most 50 MB"):
        await store.attach_file("big.bin", b"\0" * (MAX_FILE_BYTES + 1), artifact_id=artifact.id)
    assert await store.files(artifact_id=artifact.id) == []


@pytest.mark.parametrize("name", ["", "../etc/passwd", "a/b", "a\\b", ".", ".."])
async def test_a_file_name_must_be_a_plain_name(store: Store, name: str):
    artifact = await store.create("x")
    with pytest.raises(InvalidInput, match="plain file name"):
        await store.attach_file(name, b"x", artifact_id=artifact.id)


async def test_a_file_must_belong_to_an_existing_artifact_or_conversation(store: Store):
    with pytest.raises(InvalidInput):
        await store.attach_file("a.txt", b"x")
    with pytest.raises(NotFound):
        await store.attach_file("a.txt", b"x", artifact_id="zzzzzzzz")
