// The embedding view's 3D basis: PCA over the recorded embedding history of the selected run.
//
// One workgroup. The samples are every word's embedding at up to `pca_slots` slots spread evenly
// over the history. Threads compute the mean and the D x D covariance (into `scratch`), then run
// `pca_iterations` steps of orthogonal iteration (V <- orth(C V), Gram-Schmidt by thread 0),
// warm-started from the previous basis when FLAG_HAS_BASIS is set. A warm start keeps the basis
// continuous from frame to frame (no sign flips, no axis swaps); on a cold start each axis's
// largest-magnitude component is made positive. Then `scale` is set so the farthest sampled point
// lands at radius 1. With FLAG_RAW_DIMS the axes are embedding dims 0, 1, 2 and the mean is 0.

const WG: u32 = 256u;
const MAX_DIM: u32 = 128u;

var<workgroup> mean_w: array<f32, 128>;
var<workgroup> basis_w: array<f32, 384>;
var<workgroup> prod_w: array<f32, 384>;
var<workgroup> red_w: array<f32, 256>;

fn pca_dim() -> u32 {
    return min(frame.embed_dim, MAX_DIM);
}

fn pca_slots() -> u32 {
    return max(min(frame.pca_slots, frame.slots_filled), 1u);
}

fn cov_at(i: u32, j: u32) -> f32 {
    return scratch[i * pca_dim() + j];
}

// Orthonormalises prod_w into basis_w (thread 0 only). A vanishing vector keeps the old one.
fn gram_schmidt() {
    let dim = pca_dim();
    for (var k = 0u; k < 3u; k++) {
        for (var attempt = 0u; attempt < 2u; attempt++) {
            for (var j = 0u; j < k; j++) {
                var dot = 0.0;
                for (var d = 0u; d < dim; d++) {
                    dot += prod_w[k * dim + d] * basis_w[j * dim + d];
                }
                for (var d = 0u; d < dim; d++) {
                    prod_w[k * dim + d] -= dot * basis_w[j * dim + d];
                }
            }
            var norm2 = 0.0;
            for (var d = 0u; d < dim; d++) {
                norm2 += prod_w[k * dim + d] * prod_w[k * dim + d];
            }
            if (norm2 > 1e-24) {
                let inv = inverseSqrt(norm2);
                for (var d = 0u; d < dim; d++) {
                    prod_w[k * dim + d] *= inv;
                }
                break;
            }
            // Degenerate: restart from the old vector (or a unit axis) and orthogonalise again.
            for (var d = 0u; d < dim; d++) {
                prod_w[k * dim + d] = select(basis_w[k * dim + d], select(0.0, 1.0, d == k), attempt == 1u);
            }
        }
        for (var d = 0u; d < dim; d++) {
            basis_w[k * dim + d] = prod_w[k * dim + d];
        }
    }
}

@compute @workgroup_size(256)
fn cs_pca(@builtin(local_invocation_index) lid: u32) {
    let dim = pca_dim();
    let slots = pca_slots();
    let vocab = frame.vocab;
    let raw = has_flag(FLAG_RAW_DIMS);
    let n = f32(slots * vocab);

    // Mean (zero for raw dims).
    for (var d = lid; d < dim; d += WG) {
        var s = 0.0;
        if (!raw) {
            for (var i = 0u; i < slots; i++) {
                let slot = sampled_slot(i, slots);
                for (var w = 0u; w < vocab; w++) {
                    s += emb_at(frame.run, slot, w, d);
                }
            }
        }
        mean_w[d] = s / n;
    }
    workgroupBarrier();

    // Covariance, upper triangle mirrored, into scratch.
    if (!raw) {
        for (var e = lid; e < dim * dim; e += WG) {
            let i = e / dim;
            let j = e % dim;
            if (j >= i) {
                var s = 0.0;
                for (var k = 0u; k < slots; k++) {
                    let slot = sampled_slot(k, slots);
                    for (var w = 0u; w < vocab; w++) {
                        s += (emb_at(frame.run, slot, w, i) - mean_w[i]) * (emb_at(frame.run, slot, w, j) - mean_w[j]);
                    }
                }
                scratch[i * dim + j] = s / n;
                scratch[j * dim + i] = s / n;
            }
        }
    }
    storageBarrier();
    workgroupBarrier();

    // Start vectors.
    let warm = has_flag(FLAG_HAS_BASIS) && !raw;
    for (var e = lid; e < 3u * dim; e += WG) {
        let k = e / dim;
        let d = e % dim;
        var v = select(0.0, 1.0, d == k);
        if (warm) {
            v = derived[D_HEADER + k * frame.embed_dim + d];
        }
        basis_w[e] = v;
    }
    workgroupBarrier();

    let iterations = select(frame.pca_iterations, 0u, raw);
    for (var it = 0u; it < iterations; it++) {
        for (var e = lid; e < 3u * dim; e += WG) {
            let k = e / dim;
            let i = e % dim;
            var s = 0.0;
            for (var j = 0u; j < dim; j++) {
                s += cov_at(i, j) * basis_w[k * dim + j];
            }
            prod_w[e] = s;
        }
        workgroupBarrier();
        if (lid == 0u) {
            gram_schmidt();
        }
        workgroupBarrier();
    }

    // Signs (thread 0): cold start -> largest component positive; warm -> agree with the old basis.
    if (lid == 0u && !raw) {
        for (var k = 0u; k < 3u; k++) {
            var sign_ref = 0.0;
            if (warm) {
                for (var d = 0u; d < dim; d++) {
                    sign_ref += basis_w[k * dim + d] * derived[D_HEADER + k * frame.embed_dim + d];
                }
            } else {
                var best = 0.0;
                for (var d = 0u; d < dim; d++) {
                    let v = basis_w[k * dim + d];
                    if (abs(v) > abs(best) + 1e-6) {
                        best = v;
                    }
                }
                sign_ref = best;
            }
            if (sign_ref < 0.0) {
                for (var d = 0u; d < dim; d++) {
                    basis_w[k * dim + d] = -basis_w[k * dim + d];
                }
            }
        }
    }
    workgroupBarrier();

    // Farthest sampled point from the mean in the new basis.
    var far = 0.0;
    for (var p = lid; p < slots * vocab; p += WG) {
        let slot = sampled_slot(p / vocab, slots);
        let w = p % vocab;
        var q = vec3<f32>(0.0);
        for (var d = 0u; d < dim; d++) {
            let x = emb_at(frame.run, slot, w, d) - mean_w[d];
            q += x * vec3<f32>(basis_w[d], basis_w[dim + d], basis_w[2u * dim + d]);
        }
        let r = length(q);
        if (r == r && r < 1e30) {
            far = max(far, r);
        }
    }
    red_w[lid] = far;
    workgroupBarrier();
    for (var half = WG / 2u; half > 0u; half /= 2u) {
        if (lid < half) {
            red_w[lid] = max(red_w[lid], red_w[lid + half]);
        }
        workgroupBarrier();
    }

    // Write the basis (zero beyond MAX_DIM), the mean and the scale.
    for (var e = lid; e < 4u * frame.embed_dim; e += WG) {
        let k = e / frame.embed_dim;
        let d = e % frame.embed_dim;
        var v = 0.0;
        if (d < dim) {
            v = select(basis_w[k * dim + d], mean_w[d], k == 3u);
        }
        derived[D_HEADER + e] = v;
    }
    if (lid == 0u) {
        derived[D_SCALE] = 1.0 / max(red_w[0], 1e-6);
        for (var k = 0u; k < 3u; k++) {
            var lambda = 0.0;
            if (!raw) {
                for (var i = 0u; i < dim; i++) {
                    var s = 0.0;
                    for (var j = 0u; j < dim; j++) {
                        s += cov_at(i, j) * basis_w[k * dim + j];
                    }
                    lambda += s * basis_w[k * dim + i];
                }
            }
            derived[D_EIGEN + k] = lambda;
        }
        var trace = 0.0;
        if (!raw) {
            for (var i = 0u; i < dim; i++) {
                trace += cov_at(i, i);
            }
        }
        derived[D_TRACE] = trace;
    }
}
