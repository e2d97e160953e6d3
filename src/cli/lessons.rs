//! `nextword lessons`: the built-in lessons, one per line.

use crate::lesson;

pub fn run() -> anyhow::Result<()> {
    for id in lesson::all_builtin_ids() {
        let lesson = lesson::load_builtin(id)?;
        let corpus = lesson.corpus()?;
        println!(
            "{id:<15} {} ({}) — {} words, {} pairs, {} run(s), {} epochs",
            lesson.title,
            lesson.language,
            corpus.vocab.len(),
            corpus.pairs.len(),
            lesson.runs,
            lesson.epochs
        );
    }
    Ok(())
}
