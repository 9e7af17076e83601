# Lesson 10 with plain loops, other parameter names, and lists returned.
import math


def get_image_section(batch, top, bottom, left, right):
    return [[[[float(img[r][c]) for c in range(left, right)] for r in range(top, bottom)]] for img in batch]


def conv_forward(imgs, weights, kh, kw):
    n_imgs, height, width = len(imgs), len(imgs[0]), len(imgs[0][0])
    n_kernels = len(weights[0])
    rows_of_sections = []
    for b in range(n_imgs):
        for r in range(height - kh + 1):
            for c in range(width - kw + 1):
                section = get_image_section(imgs, r, r + kh, c, c + kw)[b][0]
                rows_of_sections.append([v for line in section for v in line])
    outputs = []
    for row in rows_of_sections:
        outputs.append([sum(row[p] * weights[p][k] for p in range(len(row))) for k in range(n_kernels)])
    return rows_of_sections, outputs


def conv_kernel_update(inputs, delta, weights, lr):
    n_kernels = len(weights[0])
    flat_delta = [v for row in delta for v in row]
    new = [list(map(float, w)) for w in weights]
    for s, section in enumerate(inputs):
        for k in range(n_kernels):
            d = flat_delta[s * n_kernels + k]
            for p in range(len(section)):
                new[p][k] += lr * section[p] * d
    return new


def match_filter(a, b):
    total, count = 0.0, 0
    for row_a, row_b in zip(a, b):
        for x, y in zip(row_a, row_b):
            total += x * y
            count += 1
    return total / count


def convolve_feature(img, feat):
    fh, fw = len(feat), len(feat[0])
    out = []
    for i in range(len(img) - fh + 1):
        line = []
        for j in range(len(img[0]) - fw + 1):
            patch = [list(img[r][j:j + fw]) for r in range(i, i + fh)]
            line.append(match_filter(patch, feat))
        out.append(line)
    return out


def max_pool(fmap, window=2, step=2):
    def count(n):
        return max(0, math.ceil((n - window) / step)) + 1

    out = []
    for i in range(count(len(fmap))):
        line = []
        for j in range(count(len(fmap[0]))):
            best = -math.inf
            for r in range(i * step, min(i * step + window, len(fmap))):
                for c in range(j * step, min(j * step + window, len(fmap[0]))):
                    best = max(best, fmap[r][c])
            line.append(best)
        out.append(line)
    return out


def relu(values):
    try:
        return [relu(v) for v in values]
    except TypeError:
        return values if values > 0 else 0.0
