### nextword : français. Chaque phrase et chaque libellé que l’application affiche.
### Les placeables ({ $name }) sont remplis par l’application ; les nombres arrivent déjà avec la bonne précision.
### Une traduction garde chaque identifiant de message et utilise chaque placeable du message anglais.

## Nombres

# Une probabilité. $value est le nombre, déjà arrondi (p. ex. 45,3).
percent = { $value } %

## Étapes

step-title-task = 1 · La tâche
step-title-network = 2 · Le réseau
step-title-training = 3 · L’entraînement
step-title-takeaways = 4 · À retenir
step-title-write = 5 · Le modèle écrit
step-of = Étape { $n } sur { $total }
next = Suivant ▶
back = ◀ Retour

## Étape 1 : la tâche. Chaque phrase est construite à partir du texte et des nombres de la leçon.

# $k : mots de contexte que lit le réseau.
task-job = Nous confions une seule tâche à un tout petit réseau : { $k ->
        [one] lire un mot
       *[other] lire { $k } mots
    } et deviner le mot qui suit.
task-world-one = Tout son univers tient en une phrase : « { $sentence } », avec { $vocab ->
        [one] un seul mot
       *[other] { $vocab } mots différents
    }.
# $count : phrases (au moins 2) ; $first, $second : deux d’entre elles.
task-world-many = Tout son univers tient en { $count } phrases, comme « { $first } » et « { $second } », avec { $vocab } mots différents.
task-always = Dans ce texte, « { $context } » est toujours suivi de « { $target } ».
# Époque 0 : le réseau non entraîné.
task-random = Ses nombres sont d’abord aléatoires : pour l’instant, il n’accorde que { $p } à « { $target } » après « { $context } ».
task-now = À l’époque { $epoch }, il accorde { $p } à « { $target } » après « { $context } ».
task-phones = Les suggestions de mots de votre téléphone et les grands modèles de langage font exactement cela, un mot à la fois.

## Étape 2 : le réseau

arch-embedding = Chaque mot correspond à une liste de { $dim } nombres : son plongement (embedding), un point dans l’espace.
arch-layers = { $k ->
        [one] Le plongement du dernier mot alimente
       *[other] Les plongements des { $k } derniers mots alimentent
    } une couche cachée de { $hidden } neurones, qui attribue un score à chacun des { $vocab } mots ; les scores deviennent des probabilités.
    .technical = { $k ->
        [one] Le plongement x du dernier mot ({ $inputs } nombres) passe
       *[other] Les plongements des { $k } derniers mots, concaténés en x ({ $inputs } nombres), passent
    } par z = x·w1 + b1 et h = tanh(z) ({ $hidden } neurones cachés) ; logits = h·w2 + b2 donne un score par mot ({ $vocab }), et softmax les transforme en probabilités.
arch-params = Au total, le réseau a { $params } nombres à apprendre.
arch-untrained = Ils sont encore aléatoires : regardez une prédiction traverser le réseau, de « { $context } » jusqu’à un score pour chaque mot.
arch-trained = Ces nombres ont été entraînés pendant { $epoch ->
        [one] { $epoch } époque
       *[other] { $epoch } époques
    }.

## Étape 3 : l’entraînement

train-loop = À chaque époque, le réseau prédit chaque mot suivant du texte, mesure à quel point il s’est trompé (la perte) et ajuste légèrement tous ses nombres pour se tromper un peu moins.
    .technical = Chaque époque est un pas sur le lot complet : la passe avant donne p pour chaque paire, la perte est la moyenne de −ln p(bon mot), la rétropropagation donne le gradient de la perte pour chaque nombre, et { $optimizer } déplace chaque nombre à l’opposé de son gradient.
train-settings = Taux d’apprentissage { $lr } · optimiseur { $optimizer }

## Étape 4 : ce que nous avons appris

take-embeddings = Plongements : les mots deviennent des listes de nombres, et les mots employés de façon semblable finissent souvent proches les uns des autres.
take-loss = Perte : apprendre, c’est faire baisser la perte, pas à pas ; ici, elle est passée de { $from } à { $to }.
take-probability = Probabilité : la réponse est un pari réparti sur les { $vocab } mots ; « { $target } » après « { $context } » est passé de { $from } à { $to }.
take-backprop = Rétropropagation : l’erreur circule à rebours et indique à chaque nombre dans quel sens bouger.
take-scale = Échelle : ce réseau compte { $params } nombres ; les grands modèles de langage en ont des milliards et ont lu une grande partie des textes du Web, mais ils apprennent de la même façon.
next-lesson = Leçon suivante : { $title } ▶
next-lesson-short = Leçon suivante ▶

## Étape 5 : le modèle écrit

write-intro = Un modèle de langage écrit un mot à la fois : il lit { $k ->
        [one] le dernier mot
       *[other] les { $k } derniers mots
    }, donne une probabilité à chaque mot, en tire un, l'ajoute au texte et continue.
    .technical = Pour chaque nouveau mot : { $k ->
        [one] le dernier mot traverse
       *[other] les { $k } derniers mots traversent
    } le réseau, p = softmax(logits / T), seuls les k meilleurs mots gardent leur part (top-k), un mot est tiré selon p et ajouté.
write-start = Commencer par :
write-type-hint = ou tapez votre propre début
write-button = Écrire
write-empty = Tapez au moins un mot pour commencer.
write-unknown = Cette leçon n'a jamais vu { $count ->
        [one] le mot
       *[other] les mots
    } { $words }. Elle connaît : { $known }.
write-too-short = Ce modèle lit { $k } mots à la fois : commencez par au moins { $k }.
write-trained = Entraîné, époque { $epoch } :
write-untrained = Non entraîné, époque 0 :
write-not-trained = À l'époque 0, le modèle n'a encore rien appris : entraînez-le, puis revenez comparer.
write-writing = Écriture…
write-next-after = Ses choix après « { $context } » :
write-drawn = tiré
write-again = ↻ Encore
write-step = Pas ▶
write-careful = prudent
write-adventurous = audacieux
write-temperature = Température { $t } : { $meaning }
write-t-zero = toujours le mot le plus probable
write-t-low = surtout les mots les plus probables
write-t-mid = les mots aussi souvent qu'il les a appris
write-t-high = plus audacieux : les mots improbables sortent plus souvent
write-among = Choisir parmi :
write-all = tous les mots
write-best = les { $k } meilleurs
write-open = ✎ Écrire
help-write = W
    .action = faire écrire le modèle

## « Que se passe-t-il maintenant ? »

now-heading = Que se passe-t-il maintenant ?
phase-guessing = Au hasard
phase-learning = Apprentissage
phase-converging = Convergence
phase-converged = Convergé
phase-diverged = Divergé
prob-label = P({ $target } | { $context })
# Le nombre en direct, p. ex. « P(sat | cat) vaut 43 % à l’époque 18 ».
now-live = { $prob } vaut { $p } à l’époque { $epoch }
now-guessing = Ses nombres sont encore aléatoires : il devine. « { $target } » obtient { $p }, là où un tirage à l’aveugle parmi les { $vocab } mots donnerait { $uniform } à chacun.
now-learning = Le réseau apprend : la perte est passée de { $from } à l’époque 0 à { $to }.
now-learning-up = La perte vaut maintenant { $to } ; elle était de { $from } au départ.
now-converging-falling = L’essentiel de l’apprentissage est fait : la perte ({ $loss }) baisse encore, mais un peu plus lentement à chaque époque.
now-converging-flat = L’essentiel de l’apprentissage est fait : la perte ({ $loss }) ne bouge presque plus.
now-converged = { $after ->
        [none] Depuis l’époque { $epoch }
        [by] Au plus tard depuis l’époque { $epoch }
       *[other] Depuis une époque entre { $after } et { $epoch }
    }, la perte reste proche de { $loss }.
now-floor-reached = Ce texte ne permet pas de descendre plus bas : quand plusieurs mots peuvent suivre le même contexte, aucun réseau ne peut être sûr de lui.
now-floor = La perte la plus basse que permet ce texte est de { $floor }.
now-diverged = La perte a explosé à l’époque { $epoch } : les pas étaient trop grands et les nombres se sont emballés. Un taux d’apprentissage plus faible suffit souvent à corriger cela.
# Un contexte suivi de plusieurs mots. $words : « dog 50 %, ball 25 %, cat 25 % ».
now-split = Après « { $context } », ce texte continue avec { $count } mots différents : { $words }. Le meilleur pari possible accorde donc { $p } à « { $best } ».
now-split-more = { $words } et { $more ->
        [one] un autre
       *[other] { $more } autres
    }
now-split-now = Maintenant : { $words }.
now-best-run = Perte la plus basse actuellement : l’essai au taux d’apprentissage { $lr } ({ $loss }).
now-press-play = Appuyez sur Lecture (Espace) pour lancer l’entraînement.

## Jalons

milestone-passed = { $prob } a dépassé { $pct } { $after ->
        [none] à l’époque { $epoch }
        [by] au plus tard à l’époque { $epoch }
       *[other] entre les époques { $after } et { $epoch }
    }
milestone-favourite = { $after ->
        [none] À l’époque { $epoch }
        [by] Au plus tard à l’époque { $epoch }
       *[other] Entre les époques { $after } et { $epoch }
    }, « { $target } » est devenu le favori après « { $context } »
milestone-converged = Convergence { $after ->
        [none] à l’époque { $epoch }
        [by] au plus tard à l’époque { $epoch }
       *[other] entre les époques { $after } et { $epoch }
    }
milestone-diverged = Divergence à l’époque { $epoch }
milestone-learning = L’apprentissage a décollé { $after ->
        [none] à l’époque { $epoch }
        [by] au plus tard à l’époque { $epoch }
       *[other] entre les époques { $after } et { $epoch }
    }
milestone-short-favourite = favori

## Commandes

play = ▶ Lecture
pause = ❚❚ Pause
step-forward = +1 ▶
step-back = ◀ −1
step-forward-tip = Avancer d’une époque (→)
step-back-tip = Reculer d’une époque (←)
reset = ⟲ Réinitialiser
reset-new-seed = Nouvelle graine
speed = Vitesse
speed-value = { $speed } époques/s
learning-rate = Taux
learning-rate-long = Taux d’apprentissage
optimizer = Optimiseur
restart = Relancer
restart-tip = Réentraîner depuis l’époque 0 avec ce taux d’apprentissage et cet optimiseur
timeline-epoch = { $hint } · époque { $epoch }
progress = { $pct } · époque { $epoch } sur { $total }
timeline-hint = Faites glisser pour revoir n’importe quelle époque
live = Retour au direct
words = Mots
status-playing = ▶ { $speed } époques/s
status-paused = en pause
status-trained = entraîné

## Leçons et votre propre texte

lessons = Leçons
language = Langue :
level = Explications :
level-simple = en mots simples
level-technical = avec les formules
display = Affichage :
comfort-calm = mouvements calmes
comfort-large = texte agrandi
comfort-colours = couleurs adaptées aux daltoniens
comfort-contrast = contraste élevé
your-text = Votre propre texte
your-text-description = Le réseau apprend quel mot suit quel autre dans le texte que vous avez saisi.
your-text-hint = Saisissez une ou deux phrases…
train-text = Entraîner sur ce texte
train-text-attention = Avec attention
text-count = { $chars } / { $max } caractères
err-too-long = Ce texte fait { $chars } caractères. Merci de ne pas dépasser { $max }.
err-too-many-words = Ce texte contient { $words } mots différents. Le réseau peut en gérer jusqu’à { $max } ; essayez quelque chose de plus court.
err-no-words = Je n’ai trouvé aucun mot là-dedans. Essayez des lettres ou des chiffres, comme « le chien court ».
err-too-short = Chaque phrase doit compter au moins { $need } mots, pour qu’il y ait un mot suivant à deviner.
err-limit = Ce texte est trop grand pour être entraîné ici : { $detail }.
err-glyphs = Les polices d’ici n’affichent que les alphabets latin, grec et cyrillique, pas { $chars }.
err-other = Ce texte n’a pas pu être utilisé. Essayez une phrase simple.
lesson-failed = Impossible de charger cette leçon : { $error }

## Infos au survol

hover-bar = Après « { $context } », le réseau donne { $p } à « { $word } » ; dans le texte, ce mot suit { $share } des fois.
hover-neuron = Le neurone caché { $unit } est { $state } ({ $value }) quand l’entrée est « { $context } ».
hover-dim = Nombre { $dim } des { $count } nombres de « { $word } » : { $value }
neuron-silent = presque muet
neuron-full-on = presque entièrement allumé
neuron-full-negative = presque entièrement négatif
neuron-partly-on = en partie allumé
neuron-partly-negative = en partie négatif
word-prob = P({ $word }) = { $p }

## Aide

help-title = Touches
help-close = Fermer
help-play = Espace
    .action = lecture / pause
help-forward = →
    .action = avancer d’une époque
help-back = ←
    .action = reculer d’une époque
help-ends = Début / Fin
    .action = première / dernière époque
help-reset = R / Maj+R
    .action = réinitialiser / réinitialiser avec une nouvelle graine
help-lessons = 1 – 9
    .action = choisir une leçon
help-steps = Pg.Suiv / Pg.Préc
    .action = étape suivante / précédente
help-select = ↑ / ↓ / Tab
    .action = choisir une paire / un mot
help-speed = + / −
    .action = plus vite / plus lentement
help-camera = Glisser / molette
    .action = tourner / zoomer la vue 3D (C : vue initiale)
help-fullscreen = F
    .action = plein écran
help-hide = H
    .action = masquer ou afficher les panneaux
help-screenshot = S
    .action = enregistrer une capture d’écran (PNG)
help-help = ?
    .action = cette aide
help-calm = Z
    .action = mouvements calmes : ni rotation ni pulsation
help-text-size = T
    .action = texte agrandi / normal
help-quit = Échap / Q
    .action = fermer / quitter
hidden-hint = H affiche les panneaux
screenshot-saved = Capture enregistrée : { $path }
screenshot-failed = Impossible d’enregistrer la capture d’écran : { $error }

## Libellés de la scène

app-name = nextword
header-epoch = époque { $epoch }
header-epoch-of = époque { $epoch } / { $total }
header-loss = perte { $loss }
embedding-title = Espace des plongements
embedding-raw = plongement, dimensions 1, 2, 3 (brutes)
embedding-pca = ACP des vecteurs de mots
embedding-pca-explained = ACP des vecteurs de mots : 3 axes expliquent { $pct } de la variance
network-title = Réseau
network-input = entrée « { $context } »
network-column-context = contexte
network-column-hidden = couche cachée
network-column-next = mot suivant
bars-title = Mot suivant
bars-title-after = Mot suivant après « { $context } »
# A short title of the bars when the long one does not fit: the context and an arrow.
bars-title-short = « { $context } » →
bars-top-of = { $count } premiers sur { $vocab } mots
loss-title = Perte
loss-linear = entropie croisée
loss-log = entropie croisée, échelle log
loss-runs = { $subtitle }, { $run } (les autres estompés)
loss-axis-epoch = époque { $epoch }
strips-title = Au cœur des nombres
strips-title-short = Nombres
# A word quoted inside a label.
quoted-word = « { $word } »
hidden-per-pair = neurones cachés, par paire
# Above the numbers of a word in the 3D view's read-out.
tooltip-vector = ses { $n } nombres, son plongement :

## Borne interactive

kiosk-welcome = Bienvenue ! Faites glisser pour tourner la vue, pincez pour zoomer, touchez un mot pour le suivre.
# $n : secondes restantes.
kiosk-countdown = Toujours là ? On recommence dans { $n } s. Touchez n’importe où pour continuer l’exploration.
kiosk-attract = Touchez l’écran pour découvrir comment un ordinateur apprend quel mot vient ensuite.

## Legend of the 3D view

legend-ring = le mot suivi
legend-trail = son chemin pendant l’apprentissage
legend-negative = nombre négatif
legend-positive = nombre positif
legend-followed = { $run } (suivi)

## What a toggle did (a short note)

toggle-calm-on = Mouvements calmes activés (Z)
toggle-calm-off = Mouvements calmes désactivés (Z)
toggle-large-on = Texte agrandi activé (T)
toggle-large-off = Texte agrandi désactivé (T)
toggle-rotate-on = Rotation automatique activée (A)
toggle-rotate-off = Rotation automatique désactivée (A)
toggle-glow-on = Halo activé (B)
toggle-glow-off = Halo désactivé (B)
toggle-log-on = Perte sur une échelle logarithmique (L)
toggle-log-off = Perte sur une échelle linéaire (L)
toggle-raw-on = Vue 3D : les trois premiers nombres de chaque mot (P)
toggle-raw-off = Vue 3D : les trois directions les plus parlantes, ACP (P)

## La carte des maths

math-open = ∑ Maths
math-title = Les maths
math-close = Fermer ✕
math-waiting = Les nombres arrivent…
math-pair = « { $context } » → « { $target } », époque { $epoch }
math-x = L'embedding de « { $context } » : { $n } nombres que le réseau apprend.
math-z = Chaque neurone caché additionne les entrées, chacune multipliée par son poids, plus son biais.
math-h-tanh = tanh ramène chaque somme entre −1 et +1 : la force avec laquelle le neurone s'active.
math-h-relu = relu garde les sommes positives et remplace les négatives par 0.
math-logits = Chaque mot reçoit un score des neurones cachés ; softmax transforme les scores en probabilités dont la somme fait 100 %.
math-result = P(« { $target } ») = { $p } ; la perte pour cette paire est −ln P = { $loss }.
math-grad-button = Montrer un pas en arrière
math-grad = Un pas en arrière : pour la perte de cette paire, le poids du neurone caché { $unit } vers « { $target } » a pour gradient h{ $unit } · (P − 1) = { $h } · ({ $p } − 1) = { $g }.
math-grad-negative = Il est négatif : un pas vers le bas sur la perte de cette paire augmente un peu le poids, et P(« { $target } ») monte.
math-grad-positive = Il est positif : un pas vers le bas sur la perte de cette paire diminue un peu le poids, et P(« { $target } ») monte.
math-grad-zero = Il est proche de 0 : cette paire n'a presque plus rien à apprendre à ce poids.
help-math = M
    .action = les maths avec les nombres de cette époque

## The attention lesson

attn-step-title-puzzle = L’énigme
attn-step-puzzle = Parfois, le mot suivant dépend d’un mot situé plusieurs places plus tôt. Un modèle qui ne lit que les deux derniers mots ne voit pas aussi loin : la ligne grise en pointillés du graphique de la perte est un tel modèle, entraîné sur le même texte. Ce modèle-ci peut regarder jusqu’à { $window } mots en arrière, et il apprend où regarder.
attn-step-puzzle-no-ghost = Parfois, le mot suivant dépend d’un mot situé plusieurs places plus tôt, et un modèle qui ne lit que les deux derniers mots ne voit pas aussi loin. Ce modèle-ci peut regarder jusqu’à { $window } mots en arrière, et il apprend où regarder.
attn-step-title-query = Où regarder : requête et clé
attn-step-query = Le mot sur lequel se trouve le modèle pose une question, sa requête (query). Chaque mot qu’il peut voir montre une étiquette, sa clé (key). Plus une clé correspond à la requête, plus le modèle regarde ce mot. Les arcs au-dessus de la phrase montrent combien, et leur total fait toujours 100 %.
attn-step-title-value = Ce qu’il lit : la valeur
attn-step-value = De chaque mot qu’il regarde, le modèle lit une valeur (value) et mélange les valeurs selon l’attention qu’il porte à chacun. Il ajoute ce mélange au mot sur lequel il se trouve et fait de la somme une supposition pour le mot suivant : les barres.
attn-step-title-watch = Le regarder apprendre
attn-step-watch = Dans la grille, chaque ligne est une place dans le texte et chaque colonne le nombre de mots en arrière. Au début, c’est le hasard qui décide où le modèle regarde : ses premiers poids sont aléatoires. Au fil de l’entraînement, chaque ligne s’allume là où se trouve un mot utile. Choisissez une ligne pour suivre cette place.
attn-step-title-llm = Vers les vrais modèles de langage
attn-step-llm = Les vrais modèles de langage font de même avec de nombreuses têtes d’attention côte à côte et des dizaines de couches empilées, sur des milliers de mots. L’idée est celle que vous venez de voir : apprendre, à partir du seul texte, où regarder.
attn-step-title-write = Le modèle écrit
attn-step-write = Un modèle de langage écrit un mot après l’autre : il lit les mots déjà là, regarde en arrière là où il a appris à regarder, tire le mot suivant de sa supposition et l’ajoute au texte. Ici, il part de « { $start } ». « Encore » refait un tirage.
attn-write-looked = « { $word } » ← « { $at } »
attn-now = Maintenant
attn-now-looks = Après « { $context } », il regarde surtout « { $word } » { $back ->
        [0] (le mot sur lequel il se trouve)
        [one] (un mot en arrière)
       *[other] ({ $back } mots en arrière)
    } : { $share } de son attention.
attn-now-guess = Il donne à « { $target } », le mot qui suit dans le texte, { $p } ; sa meilleure supposition est « { $top } » avec { $ptop }.
attn-now-guess-right = Il donne à « { $target } », le mot qui suit dans le texte, { $p } : sa meilleure supposition.
attn-now-best = En voyant jusqu’à { $window } mots en arrière, aucun modèle ne peut lui donner plus de { $best } ici.
attn-now-two-words = Avec les deux derniers mots seuls (« { $two } »), pas plus de { $best2 }.
attn-epoch = Époque { $epoch } · perte { $loss }
attn-back-n = { $n ->
        [0] ici
       *[other] { $n } en arrière
    }
attn-words-back = mots en arrière →
attn-position-n = position { $n }
attn-words = mots
attn-keys = clés
attn-values = valeurs
attn-mix = mélange
attn-output = mot suivant
attn-query = requête
attn-epochs-axis = époque { $n }
attn-log-axis = échelle log
attn-without = sans attention
attn-with = avec attention
attn-panel-strip = Où il regarde
attn-panel-space = Les mots dans l’espace
attn-panel-network = Requête, clé, valeur
attn-panel-heat = L’attention, chaque place du texte
attn-panel-loss = Perte
attn-panel-bars = Sa supposition pour le mot suivant
attn-positions-on = positions visibles (P)
attn-positions-off = positions cachées (P)
attn-hint = Espace lecture · ←/→ époques · ↑/↓ place · P positions · R recommencer
