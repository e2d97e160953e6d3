### nextword: English. Every sentence and label the app shows.
### Placeables ({ $name }) are filled by the app; numbers arrive already in the right precision.
### A translation keeps every message id and uses every placeable of the English message.

## Numbers

# A probability. $value is the number, already rounded (e.g. 45.3).
percent = { $value }%

## Steps

step-title-task = 1 · The task
step-title-network = 2 · The network
step-title-training = 3 · Training
step-title-takeaways = 4 · What we learned
step-title-write = 5 · The model writes
step-of = Step { $n } of { $total }
next = Next ▶
back = ◀ Back

## Step 1: the task. Every sentence is built from the lesson's own text and numbers.

# $k: words of context the network reads.
task-job = We teach a tiny network one job: { $k ->
        [one] read a word
       *[other] read { $k } words
    } and guess the word that comes next.
task-world-one = Its whole world is one sentence: “{ $sentence }”, with { $vocab ->
        [one] one word
       *[other] { $vocab } different words
    }.
# $count: sentences (at least 2); $first, $second: two of them.
task-world-many = Its whole world is { $count } sentences, such as “{ $first }” and “{ $second }”, with { $vocab } different words.
task-always = In this text, “{ $context }” is always followed by “{ $target }”.
# Epoch 0: the untrained network.
task-random = Its numbers start out random, so right now it gives “{ $target }” only { $p } after “{ $context }”.
task-now = At epoch { $epoch } it gives “{ $target }” { $p } after “{ $context }”.
task-phones = Your phone's next-word suggestions and large language models do exactly this, one word at a time.

## Step 2: the network

arch-embedding = Each word is looked up as a list of { $dim } numbers: its embedding, a point in space.
arch-layers = { $k ->
        [one] The embedding of the last word feeds
       *[other] The embeddings of the last { $k } words feed
    } a hidden layer of { $hidden } neurons, which gives each of the { $vocab } words a score; the scores become probabilities.
    .technical = { $k ->
        [one] The last word's embedding x ({ $inputs } numbers)
       *[other] The last { $k } words' embeddings, joined into x ({ $inputs } numbers),
    } go through z = x·w1 + b1 and h = tanh(z) ({ $hidden } hidden neurons); logits = h·w2 + b2 give one score per word ({ $vocab }), and softmax turns them into probabilities.
arch-params = All in all the network has { $params } numbers to learn.
arch-untrained = They are still random: watch one guess flow through the network, from “{ $context }” to a score for every word.
arch-trained = These numbers have been trained for { $epoch ->
        [one] one epoch
       *[other] { $epoch } epochs
    }.

## Step 3: training

train-loop = Every epoch the network predicts each next word of the text, measures how wrong it was (the loss), and nudges all its numbers to be a little less wrong.
    .technical = Every epoch is one full-batch step: the forward pass gives p for every pair, the loss is the mean of −ln p(right word), backpropagation gives the gradient of the loss for every number, and { $optimizer } moves each number against its gradient.
train-settings = Learning rate { $lr } · optimizer { $optimizer }

## Step 4: what we learned

take-embeddings = Embeddings: words become lists of numbers, and words used in similar ways tend to end up close together.
take-loss = Loss: learning means making the loss smaller, step by step; here it went from { $from } to { $to }.
take-probability = Probability: the answer is a bet spread over all { $vocab } words; “{ $target }” after “{ $context }” went from { $from } to { $to }.
take-backprop = Backpropagation: the error flows backwards and tells every number which way to move.
take-scale = Scale: this network has { $params } numbers; large language models have billions and read a large part of the written web, but they learn the same way.
next-lesson = Next lesson: { $title } ▶
next-lesson-short = Next lesson ▶

## Step 5: the model writes

# $k: words of context the model reads.
write-intro = A language model writes one word at a time: it reads the last { $k ->
        [one] word
       *[other] { $k } words
    }, gives every word a probability, draws one, adds it to the text and goes on.
    .technical = For each new word: the last { $k ->
        [one] word
       *[other] { $k } words
    } go through the network, p = softmax(logits / T), only the best k words keep their share (top-k), one word is drawn from p and appended.
write-start = Start with:
write-type-hint = or type your own start
write-button = Write
write-empty = Type at least one word to start with.
# $count: unknown words; $words: them, quoted; $known: words the lesson knows.
write-unknown = This lesson has never seen { $count ->
        [one] the word
       *[other] the words
    } { $words }. It knows: { $known }.
write-too-short = This model reads { $k } words at a time: start with at least { $k }.
write-trained = Trained, epoch { $epoch }:
write-untrained = Untrained, epoch 0:
write-not-trained = At epoch 0 the model has not learned anything yet: train it, then come back and compare.
write-writing = Writing…
write-next-after = Its choices after “{ $context }”:
write-drawn = drawn
write-again = ↻ Again
write-step = Step ▶
write-careful = careful
write-adventurous = adventurous
# $t: the temperature; $meaning: what it does (one of the write-t-* messages).
write-temperature = Temperature { $t }: { $meaning }
write-t-zero = always the likeliest word
write-t-low = mostly the likeliest words
write-t-mid = words as often as it learned them
write-t-high = bolder: unlikely words come up more often
write-among = Choose among:
write-all = all words
write-best = best { $k }
write-open = ✎ Write
help-write = W
    .action = let the model write

## "What's happening now?"

now-heading = What's happening now?
phase-guessing = Guessing
phase-learning = Learning
phase-converging = Converging
phase-converged = Converged
phase-diverged = Diverged
prob-label = P({ $target } | { $context })
# The live number, e.g. "P(sat | cat) is 43% at epoch 18".
now-live = { $prob } is { $p } at epoch { $epoch }
now-guessing = Its numbers are still random, so it is guessing: “{ $target }” gets { $p }, where a blind guess over all { $vocab } words would give each { $uniform }.
now-learning = The network is learning: the loss has fallen from { $from } at epoch 0 to { $to }.
now-learning-up = The loss is { $to } now; it started at { $from }.
now-converging-falling = Most of the learning is done: the loss ({ $loss }) still falls, but more slowly with every epoch.
now-converging-flat = Most of the learning is done: the loss ({ $loss }) has almost stopped changing.
now-converged = { $after ->
        [none] Since epoch { $epoch }
        [by] Since epoch { $epoch } at the latest
       *[other] Since an epoch between { $after } and { $epoch }
    } the loss has stayed near { $loss }.
now-floor-reached = That is as low as this text allows: where several words can follow the same context, no network can be sure.
now-floor = The lowest loss this text allows is { $floor }.
now-diverged = The loss blew up at epoch { $epoch }: the steps were too big and the numbers ran off. A smaller learning rate usually fixes it.
# A context followed by several words. $words: "dog 50%, ball 25%, cat 25%".
now-split = After “{ $context }” this text continues with { $count } different words: { $words }. So the best possible bet gives “{ $best }” { $p }.
now-split-more = { $words } and { $more ->
        [one] one more
       *[other] { $more } more
    }
now-split-now = Now: { $words }.
now-best-run = Lowest loss now: the run with learning rate { $lr } ({ $loss }).
now-press-play = Press Play (space) to start training.

## Milestones

milestone-passed = { $prob } passed { $pct } { $after ->
        [none] at epoch { $epoch }
        [by] by epoch { $epoch }
       *[other] between epochs { $after } and { $epoch }
    }
milestone-favourite = { $after ->
        [none] At epoch { $epoch }
        [by] By epoch { $epoch }
       *[other] Between epochs { $after } and { $epoch }
    } “{ $target }” became the favourite after “{ $context }”
milestone-converged = Converged { $after ->
        [none] at epoch { $epoch }
        [by] by epoch { $epoch }
       *[other] between epochs { $after } and { $epoch }
    }
milestone-diverged = Diverged at epoch { $epoch }
milestone-learning = Learning took off { $after ->
        [none] at epoch { $epoch }
        [by] by epoch { $epoch }
       *[other] between epochs { $after } and { $epoch }
    }
milestone-short-favourite = favourite

## Controls

play = ▶ Play
pause = ❚❚ Pause
step-forward = +1 ▶
step-back = ◀ −1
step-forward-tip = Forward one epoch (→)
step-back-tip = Back one epoch (←)
reset = ⟲ Reset
reset-new-seed = New seed
speed = Speed
speed-value = { $speed } epochs/s
learning-rate = Rate
learning-rate-long = Learning rate
optimizer = Optimizer
restart = Restart
restart-tip = Train again from epoch 0 with this learning rate and optimizer
timeline-epoch = { $hint } · epoch { $epoch }
progress = { $pct } · epoch { $epoch } of { $total }
timeline-hint = Drag to replay any epoch
live = Back to live
words = Words
status-playing = ▶ { $speed } epochs/s
status-paused = paused
status-trained = trained

## Lessons and your own text

lessons = Lessons
language = Language:
level = Explanations:
level-simple = in plain words
level-technical = with the formulas
display = Viewing:
comfort-calm = calm motion
comfort-large = large text
comfort-colours = colour-blind safe colours
comfort-contrast = high contrast
your-text = Your own text
your-text-description = The network learns which word follows which in the text you typed.
your-text-hint = Type a sentence or two…
train-text = Train on it
train-text-attention = With attention
text-count = { $chars } / { $max } characters
err-too-long = That is { $chars } characters. Please keep it to { $max } or fewer.
err-too-many-words = That text has { $words } different words. The network can handle up to { $max }; please try something shorter.
err-no-words = I could not find any words in that. Try letters or numbers, like “the dog ran”.
err-too-short = Each sentence needs at least { $need } words so there is a next word to guess.
err-limit = This text is too big to train here: { $detail }.
err-glyphs = The letters here can only show Latin, Greek and Cyrillic script, not { $chars }.
err-other = That text could not be used. Try a simple sentence.
lesson-failed = That lesson could not be loaded: { $error }

## Hover read-outs

hover-bar = After “{ $context }” the network gives “{ $word }” { $p }; in the text it follows { $share } of the time.
hover-neuron = Hidden neuron { $unit } is { $state } ({ $value }) when the input is “{ $context }”.
hover-dim = Number { $dim } of the { $count } numbers of “{ $word }”: { $value }
word-prob = P({ $word }) = { $p }

neuron-silent = nearly silent

neuron-full-on = almost fully on

neuron-full-negative = almost fully negative

neuron-partly-on = partly on

neuron-partly-negative = partly negative

## Help

help-title = Keys
help-close = Close
help-play = Space
    .action = play / pause
help-forward = →
    .action = step one epoch
help-back = ←
    .action = step back
help-ends = Home / End
    .action = first / newest epoch
help-reset = R / Shift+R
    .action = reset / reset with a new seed
help-lessons = 1 – 9
    .action = choose a lesson
help-steps = PgDn / PgUp
    .action = next / previous step
help-select = ↑ / ↓ / Tab
    .action = choose a pair / a word
help-speed = + / −
    .action = faster / slower
help-camera = Drag / wheel
    .action = turn / zoom the 3D view (C: home)
help-fullscreen = F
    .action = full screen
help-hide = H
    .action = hide or show the panels
help-screenshot = S
    .action = save a screenshot (PNG)
help-help = ?
    .action = this help
help-calm = Z
    .action = calm motion: no turning, no pulses
help-text-size = T
    .action = large / normal text
help-quit = Esc / Q
    .action = close / quit
hidden-hint = H shows the panels
screenshot-saved = Saved { $path }
screenshot-failed = Could not save the screenshot: { $error }

## Scene labels

app-name = nextword
header-epoch = epoch { $epoch }
header-epoch-of = epoch { $epoch } / { $total }
header-loss = loss { $loss }
embedding-title = Embedding space
embedding-raw = embedding dims 1, 2, 3 (raw)
embedding-pca = PCA of the word vectors
embedding-pca-explained = PCA of the word vectors: 3 axes show { $pct } of the variance
network-title = Network
network-input = input “{ $context }”
network-column-context = context
network-column-hidden = hidden
network-column-next = next word
bars-title = Next word
bars-title-after = Next word after “{ $context }”
# A short title of the bars when the long one does not fit: the context and an arrow.
bars-title-short = “{ $context }” →
bars-top-of = top { $count } of { $vocab } words
loss-title = Loss
loss-linear = cross-entropy
loss-log = cross-entropy, log scale
loss-runs = { $subtitle }, { $run } (others faint)
loss-axis-epoch = epoch { $epoch }
strips-title = Inside the numbers
strips-title-short = Numbers
# A word quoted inside a label.
quoted-word = “{ $word }”
hidden-per-pair = hidden units, per pair
# Above the numbers of a word in the 3D view's read-out.
tooltip-vector = its { $n } numbers, its embedding:

## Kiosk

kiosk-welcome = Welcome! Drag to turn the view, pinch to zoom, tap a word to follow it.
# $n: seconds left.
kiosk-countdown = Still there? Starting over in { $n } s. Tap anywhere to keep exploring.
kiosk-attract = Touch the screen to explore how a computer learns which word comes next.

## Legend of the 3D view

legend-ring = the word you follow
legend-trail = its path while training
legend-negative = negative number
legend-positive = positive number
legend-followed = { $run } (followed)

## What a toggle did (a short note)

toggle-calm-on = Calm motion: on (Z)
toggle-calm-off = Calm motion: off (Z)
toggle-large-on = Large text: on (T)
toggle-large-off = Large text: off (T)
toggle-rotate-on = Auto-rotate on (A)
toggle-rotate-off = Auto-rotate off (A)
toggle-glow-on = Glow on (B)
toggle-glow-off = Glow off (B)
toggle-log-on = Loss on a log scale (L)
toggle-log-off = Loss on a linear scale (L)
toggle-raw-on = 3D view: the first three numbers of each word (P)
toggle-raw-off = 3D view: the three most telling directions, PCA (P)

## The math card

math-open = ∑ Math
math-title = The math
math-close = Close ✕
math-waiting = The numbers are on their way…
# $epoch: the epoch whose numbers are shown.
math-pair = “{ $context }” → “{ $target }”, epoch { $epoch }
math-x = The embedding of “{ $context }”: { $n } numbers the network learns.
math-z = Each hidden neuron adds up the inputs, each times its weight, plus its bias.
math-h-tanh = tanh squashes each sum to between −1 and +1: how strongly the neuron fires.
math-h-relu = relu keeps positive sums and turns negative ones into 0.
math-logits = Each word gets a score from the hidden neurons; softmax turns the scores into probabilities that add up to 100%.
math-result = P(“{ $target }”) = { $p }; the loss for this pair is −ln P = { $loss }.
math-grad-button = Show one step back
math-grad = One step back: for this pair's loss, the weight from hidden neuron { $unit } to “{ $target }” has the gradient h{ $unit } · (P − 1) = { $h } · ({ $p } − 1) = { $g }.
math-grad-negative = It is negative: a step downhill on this pair's loss makes the weight a little larger, and P(“{ $target }”) rises.
math-grad-positive = It is positive: a step downhill on this pair's loss makes the weight a little smaller, and P(“{ $target }”) rises.
math-grad-zero = It is close to 0: this pair has almost nothing left to teach this weight.
help-math = M
    .action = the math with this epoch's numbers

## The attention lesson

attn-step-title-puzzle = The puzzle
attn-step-puzzle = Sometimes the next word depends on a word several places back. A model that reads only the last two words cannot see that far: the grey dashed line in the loss chart is such a model, trained on the same text. This model can look back up to { $window } words, and it learns where to look.
attn-step-puzzle-no-ghost = Sometimes the next word depends on a word several places back, and a model that reads only the last two words cannot see that far. This model can look back up to { $window } words, and it learns where to look.
attn-step-title-query = Where to look: query and key
attn-step-query = The word the model stands on asks a question, its query. Every word it can see holds up a label, its key. The better a key fits the query, the more the model looks at that word. The arcs over the sentence show how much, and they always add up to 100%.
attn-step-title-value = What it reads: value
attn-step-value = From each word it looks at, the model reads a value, and mixes the values by how much it looks at each. It adds the mix to the word it stands on and turns the sum into a guess for the next word: the bars.
attn-step-title-watch = Watch it learn
attn-step-watch = In the grid, each row is one place in the text and each column is how many words back. At the start, where the model looks is left to chance: its first weights are random. As it trains, each row lights up where a useful word is. Pick a row to follow that place.
attn-step-title-llm = Toward real language models
attn-step-llm = Real language models do the same with many of these attention heads side by side and dozens of layers stacked, over thousands of words. The idea is the one you just watched: learn, from the text alone, where to look.
attn-step-title-write = The model writes
attn-step-write = A language model writes one word at a time: it reads the words so far, looks back where it learned to look, draws the next word from its guess and adds it to the text. Here it starts from “{ $start }”. Press Again for another draw.
attn-write-looked = “{ $word }” ← “{ $at }”
attn-now = Now
attn-now-looks = After “{ $context }” it looks most at “{ $word }” { $back ->
        [0] (the word it stands on)
        [one] (one word back)
       *[other] ({ $back } words back)
    }: { $share } of its attention.
attn-now-guess = It gives “{ $target }”, the word that comes next in the text, { $p }; its top guess is “{ $top }” with { $ptop }.
attn-now-guess-right = It gives “{ $target }”, the word that comes next in the text, { $p }: its top guess.
attn-now-best = Seeing up to { $window } words back, the most any model can give it here is { $best }.
attn-now-two-words = From the last two words alone (“{ $two }”) the most is { $best2 }.
attn-epoch = Epoch { $epoch } · loss { $loss }
attn-back-n = { $n ->
        [0] here
       *[other] { $n } back
    }
attn-words-back = words back →
attn-position-n = position { $n }
attn-words = words
attn-keys = keys
attn-values = values
attn-mix = mix
attn-output = next word
attn-query = query
attn-epochs-axis = epoch { $n }
attn-log-axis = log scale
attn-without = without attention
attn-with = with attention
attn-panel-strip = Where it looks
attn-panel-space = Words in space
attn-panel-network = Query, key, value
attn-panel-heat = Attention, every place in the text
attn-panel-loss = Loss
attn-panel-bars = Its guess for the next word
attn-positions-on = positions shown (P)
attn-positions-off = positions hidden (P)
attn-hint = Space play · ←/→ epochs · ↑/↓ place · P positions · R restart
