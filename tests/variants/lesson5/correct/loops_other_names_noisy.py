# Loops, other parameter names, lists instead of tuples, and a lot of printing and warnings.
import sys
import warnings

print("my own tests start here")
warnings.warn("learners leave warnings around")


def neural_network(inp, ws):
    out = 0
    for k in range(len(inp)):
        out += inp[k] * ws[k]
    return out


def ele_mul(scalar, vec):
    out = [0] * len(vec)
    for k in range(len(vec)):
        out[k] = vec[k] * scalar
    return out


def multi_input_step(inp, ws, true, lr):
    pred = neural_network(inp, ws)
    error = (pred - true) ** 2
    delta = pred - true
    weight_deltas = ele_mul(delta, inp)
    print("Pred:" + str(pred), "Error:" + str(error), "Delta:" + str(delta), file=sys.stderr)
    new_ws = [ws[k] - lr * weight_deltas[k] for k in range(len(ws))]
    return [new_ws, pred, error, delta, weight_deltas]


def multi_input_learning(inp, ws, true, lr, n_iter, freeze=()):
    ws = [w for w in ws]
    rows = []
    for it in range(n_iter):
        pred = neural_network(inp, ws)
        error = (pred - true) ** 2
        delta = pred - true
        weight_deltas = ele_mul(delta, inp)
        for f in freeze:
            weight_deltas[f] = 0
        print("Iteration:" + str(it + 1), "Weights:" + str(ws))
        rows.append([pred, error, tuple(ws)])
        for k in range(len(ws)):
            ws[k] -= lr * weight_deltas[k]
    return rows


def multi_output_step(x, ws, trues, lr):
    preds = ele_mul(x, ws)
    errs, deltas = [], []
    for k in range(len(trues)):
        errs.append((preds[k] - trues[k]) ** 2)
        deltas.append(preds[k] - trues[k])
    weight_deltas = ele_mul(x, deltas)
    new_ws = []
    for k in range(len(ws)):
        new_ws.append(ws[k] - weight_deltas[k] * lr)
    return (tuple(new_ws), tuple(preds), tuple(errs), tuple(deltas))


def outer_prod(a, b):
    out = [[0] * len(b) for _ in range(len(a))]
    for r in range(len(a)):
        for c in range(len(b)):
            out[r][c] = a[r] * b[c]
    return out


def multi_in_out_step(x, ws, trues, lr):
    preds = [neural_network(x, row) for row in ws]
    deltas = [preds[k] - trues[k] for k in range(len(trues))]
    errs = [d * d for d in deltas]
    weight_deltas = outer_prod(deltas, x)
    new_ws = [[ws[r][c] - lr * weight_deltas[r][c] for c in range(len(ws[0]))] for r in range(len(ws))]
    print("Weights:", new_ws)
    return new_ws, preds, errs, deltas
