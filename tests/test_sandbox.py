"""The learner's process: plain data in and out, limits, and nothing that reaches back."""

import numpy as np
import pytest

from autograder.sandbox import Sandbox, protocol


def test_protocol_round_trip_keeps_types_and_bits():
    value = {"a": [1, 2.5, (3, 4)], "b": np.arange(6, dtype=np.float32).reshape(2, 3),
             "c": np.array([True, False]), "d": None, "e": float("nan")}
    back = protocol.loads(protocol.dumps(value))
    assert back["a"] == [1, 2.5, (3, 4)]
    assert back["b"].dtype == np.float32 and back["b"].shape == (2, 3) and (back["b"] == value["b"]).all()
    assert back["c"].dtype == bool and np.isnan(back["e"])
    x = 0.1 + 0.2
    assert protocol.loads(protocol.dumps(x)) == x  # exact to the last bit


def test_generators_travel_by_state():
    rng = np.random.default_rng(5)
    back = protocol.loads(protocol.dumps(rng))
    assert (back.random(3) == np.random.default_rng(5).random(3)).all()


def test_objects_are_never_unpickled():
    refused = protocol.encode(np.array([object()], dtype=object))
    assert "__unsupported__" in refused
    with pytest.raises(protocol.ProtocolError):
        protocol.loads(b'{"__nd__": ["|O", [1], "AAAAAAAAAAA="]}')


@pytest.fixture
def sandbox(tmp_path):
    path = tmp_path / "learner.py"
    path.write_text(
        "import numpy as np\n"
        "def double(x):\n    return np.asarray(x) * 2\n"
        "def patch():\n    np.dot = None\n    return 1\n"
        "def uses_dot():\n    return float(np.dot([1.0], [2.0]))\n"
        "def slow():\n    import time; time.sleep(30)\n"
        "def touch(x):\n    x.append(99)\n    return len(x)\n"
    )
    with Sandbox(path) as box:
        yield box


def test_calls_answer_with_plain_data(sandbox):
    out = sandbox.call("double", "double", [[1.0, 2.0]])
    assert out.ok and out.value.tolist() == [2.0, 4.0]


def test_each_exercise_starts_from_pristine_numpy(sandbox):
    assert sandbox.call("patch", "patch", []).ok
    assert sandbox.call("patch", "uses_dot", []).status == "raised"  # same exercise: the patch holds
    assert sandbox.call("uses_dot", "uses_dot", []).value == 2.0  # next exercise: a fresh process


def test_time_limit_kills_the_call_not_the_sandbox(sandbox):
    out = sandbox.call("slow", "slow", [], timeout=0.3)
    assert out.status == "timeout" and out.seconds < 5
    assert sandbox.call("double", "double", [1.0]).value == 2.0


def test_arguments_changed_in_place_are_reported(sandbox):
    out = sandbox.call("touch", "touch", [[1, 2]])
    assert out.value == 3 and out.mutated == [0]
