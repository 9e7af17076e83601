# Other parameter names, while loops, no helper calls, tuples of tuples.
def squared_error(pred, target):
    miss = target - pred
    return miss * miss


def hot_cold_step(x, w, y, lr):
    p_up = x * (w + lr)
    p_dn = x * (w - lr)
    e_up = (y - p_up) ** 2
    e_dn = (y - p_dn) ** 2
    if e_up < e_dn:
        w = w + lr
    elif e_dn < e_up:
        w = w - lr
    return w


def hot_cold_learning(x, w, y, lr, n):
    out = ()
    i = 0
    while i < n:
        p = x * w
        out = out + (((p - y) ** 2, p),)
        w = hot_cold_step(x, w, y, lr)
        i += 1
    return out


def gradient_descent_step(x, w, y, a):
    pred = x * w
    direction_and_amount = (pred - y) * x
    w -= direction_and_amount * a
    return w


def gradient_descent(x, w, y, a, n):
    errors, preds = [], []
    for _ in range(n):
        pred = x * w
        errors.append(squared_error(pred, y))
        preds.append(pred)
        w = gradient_descent_step(x, w, y, a)
    return list(zip(errors, preds))
