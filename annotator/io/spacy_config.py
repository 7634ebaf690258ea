"""The ``config.cfg`` of the pipelines Annotator trains and exports (plain text, no spaCy needed).

One template (:func:`pipeline_config`) serves ``annotator train``
(:mod:`annotator.io.training`) and the spaCy export's ``config.cfg``
(:mod:`annotator.io.export_spacy`), so ``python -m spacy train`` on an export
trains the same pipeline: our tokenizer (``annotator.tokenizer.v1``,
:mod:`annotator.io.spacy_tokenizer`) and a ``spancat`` component over
``doc.spans["sc"]`` that proposes every 1- to 4-token span and gives each a
probability (a logistic layer per label), with a small hash-embedding CNN.
The text depends only on the arguments (deterministic bytes).
"""

from __future__ import annotations

from typing import Final

TOKENIZER: Final = "annotator.tokenizer.v1"
DEFAULT_STEPS: Final = 120
BATCH_SIZE: Final = 8
THRESHOLD: Final = 0.5  # a span is predicted when its probability reaches this

# One template, filled by pipeline_config(); sections in spaCy's usual order.
_CONFIG: Final = """\
# spaCy pipeline written by Annotator: our tokenizer (annotator.tokenizer.v1, the tokens of
# the CoNLL export) and a span categorizer over doc.spans["sc"]. Train with
#   python -m spacy train config.cfg --paths.train {train} --paths.dev {dev}
# after `pip install annotator[ml]` (the tokenizer is found through its entry point).

[paths]
train = "{train}"
dev = "{dev}"
vectors = null
init_tok2vec = null

[system]
gpu_allocator = null
seed = {seed}

[nlp]
lang = "ar"
pipeline = ["spancat"]
batch_size = 64
disabled = []
before_creation = null
after_creation = null
after_pipeline_creation = null

[nlp.tokenizer]
@tokenizers = "{tokenizer}"

[components]

[components.spancat]
factory = "spancat"
spans_key = "sc"
threshold = {threshold}
max_positive = 1

[components.spancat.model]
@architectures = "spacy.SpanCategorizer.v1"

[components.spancat.model.reducer]
@layers = "spacy.mean_max_reducer.v1"
hidden_size = 64

[components.spancat.model.scorer]
@layers = "spacy.LinearLogistic.v1"
nO = null
nI = null

[components.spancat.model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[components.spancat.model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 64
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
rows = [2000, 1000, 1000, 1000]
include_static_vectors = false

[components.spancat.model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 64
depth = 2
window_size = 1
maxout_pieces = 3

[components.spancat.suggester]
@misc = "spacy.ngram_suggester.v1"
sizes = [1, 2, 3, 4]

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0

[training]
seed = ${{system.seed}}
gpu_allocator = ${{system.gpu_allocator}}
dropout = 0.1
accumulate_gradient = 1
patience = 0
max_epochs = 0
max_steps = {max_steps}
eval_frequency = 50
frozen_components = []
annotating_components = []
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"

[training.batcher]
@batchers = "spacy.batch_by_sequence.v1"
size = {batch_size}
get_length = null

[training.optimizer]
@optimizers = "Adam.v1"
learn_rate = 0.005

[training.score_weights]
spans_sc_f = 1.0
spans_sc_p = 0.0
spans_sc_r = 0.0

[pretraining]

[initialize]
vectors = ${{paths.vectors}}
init_tok2vec = ${{paths.init_tok2vec}}

[initialize.tokenizer]

[initialize.components]
"""


def pipeline_config(train: str = "train.spacy", dev: str = "dev.spacy",
                    max_steps: int = DEFAULT_STEPS, seed: int = 0) -> str:
    """The ``config.cfg`` of our pipeline: the same text for the same arguments."""
    return _CONFIG.format(train=train, dev=dev, seed=seed, max_steps=max_steps,
                          batch_size=BATCH_SIZE, threshold=THRESHOLD,
                          tokenizer=TOKENIZER)
