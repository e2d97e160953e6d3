//! Model dimensions and where each parameter tensor lives in the flat parameter vector.
//!
//! How it works: all parameters are one flat vector (as in the GPU buffer), tensors in the order
//! of MODEL.md's table, each row-major: embedding (V x D), w1 (k*D x H), b1 (H), w2 (H x V),
//! b2 (V). [`Dims::offsets`] gives the start of each; gradients use the same layout.

use crate::lesson::ModelSpec;

/// The sizes that fix the model's shape: vocabulary V, embedding width D, hidden width H and
/// context length k.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Dims {
    pub vocab: usize,
    pub embed_dim: usize,
    pub hidden: usize,
    pub context: usize,
}

/// Start of each tensor in the flat parameter (and gradient) vector; `total` is the length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParamOffsets {
    pub embedding: usize,
    pub w1: usize,
    pub b1: usize,
    pub w2: usize,
    pub b2: usize,
    pub total: usize,
}

impl Dims {
    /// The dims of a lesson's model over a vocabulary of `vocab` words.
    pub fn from_spec(vocab: usize, spec: &ModelSpec) -> Dims {
        Dims {
            vocab,
            embed_dim: spec.embed_dim,
            hidden: spec.hidden,
            context: spec.context,
        }
    }

    /// Width of the hidden layer's input x: k*D.
    pub fn input_dim(&self) -> usize {
        self.context * self.embed_dim
    }

    /// V*D + k*D*H + H + H*V + V.
    pub fn param_count(&self) -> usize {
        self.offsets().total
    }

    pub fn offsets(&self) -> ParamOffsets {
        let embedding = 0;
        let w1 = embedding + self.vocab * self.embed_dim;
        let b1 = w1 + self.input_dim() * self.hidden;
        let w2 = b1 + self.hidden;
        let b2 = w2 + self.hidden * self.vocab;
        let total = b2 + self.vocab;
        ParamOffsets {
            embedding,
            w1,
            b1,
            w2,
            b2,
            total,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_lesson_has_101_parameters() {
        let dims = Dims {
            vocab: 5,
            embed_dim: 8,
            hidden: 4,
            context: 1,
        };
        assert_eq!(dims.param_count(), 101);
        let o = dims.offsets();
        assert_eq!(
            (o.embedding, o.w1, o.b1, o.w2, o.b2, o.total),
            (0, 40, 72, 76, 96, 101)
        );
    }

    #[test]
    fn context_widens_w1_only() {
        let dims = Dims {
            vocab: 5,
            embed_dim: 8,
            hidden: 4,
            context: 2,
        };
        assert_eq!(dims.param_count(), 101 + 8 * 4);
        assert_eq!(dims.offsets().b1, 40 + 16 * 4);
    }
}
