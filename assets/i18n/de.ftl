### nextword: Deutsch. Jeder Satz und jede Beschriftung der App.
### Platzhalter ({ $name }) füllt die App; Zahlen kommen bereits in der richtigen Genauigkeit.
### Eine Übersetzung behält jede Nachrichten-ID und verwendet jeden Platzhalter der englischen Nachricht.

## Zahlen

# Eine Wahrscheinlichkeit. $value ist die bereits gerundete Zahl (z. B. 45,3).
percent = { $value } %

## Schritte

step-title-task = 1 · Die Aufgabe
step-title-network = 2 · Das Netz
step-title-training = 3 · Training
step-title-takeaways = 4 · Was wir gelernt haben
step-title-write = 5 · Das Modell schreibt
step-of = Schritt { $n } von { $total }
next = Weiter ▶
back = ◀ Zurück

## Schritt 1: die Aufgabe. Jeder Satz entsteht aus Text und Zahlen der Lektion selbst.

# $k: Wörter Kontext, die das Netz liest.
task-job = Wir bringen einem winzigen Netz eine einzige Aufgabe bei: { $k ->
        [one] ein Wort lesen
       *[other] { $k } Wörter lesen
    } und das nächste Wort erraten.
task-world-one = Seine ganze Welt besteht aus einem einzigen Satz mit { $vocab ->
        [one] nur einem Wort
       *[other] { $vocab } verschiedenen Wörtern
    }: „{ $sentence }“.
# $count: Sätze (mindestens 2); $first, $second: zwei davon.
task-world-many = Seine ganze Welt besteht aus { $count } Sätzen mit { $vocab } verschiedenen Wörtern, etwa „{ $first }“ und „{ $second }“.
task-always = In diesem Text folgt auf „{ $context }“ immer „{ $target }“.
# Epoche 0: das untrainierte Netz.
task-random = Die Zahlen des Netzes sind anfangs zufällig, deshalb traut es „{ $target }“ nach „{ $context }“ gerade nur { $p } zu.
task-now = In Epoche { $epoch } traut es „{ $target }“ nach „{ $context }“ { $p } zu.
task-phones = Die Wortvorschläge auf dem Smartphone und große Sprachmodelle machen genau das, Wort für Wort.

## Schritt 2: das Netz

arch-embedding = Zu jedem Wort gibt es eine Liste von { $dim } Zahlen: seine Einbettung, ein Punkt im Raum.
arch-layers = { $k ->
        [one] Die Einbettung des letzten Wortes fließt
       *[other] Die Einbettungen der letzten { $k } Wörter fließen
    } in eine verborgene Schicht aus { $hidden } Neuronen, die jedem der { $vocab } Wörter eine Punktzahl gibt; aus den Punktzahlen werden Wahrscheinlichkeiten.
    .technical = { $k ->
        [one] Die Einbettung x des letzten Wortes ({ $inputs } Zahlen) durchläuft
       *[other] Die Einbettungen der letzten { $k } Wörter, aneinandergehängt zu x ({ $inputs } Zahlen), durchlaufen
    } z = x·w1 + b1 und h = tanh(z) ({ $hidden } verborgene Neuronen); logits = h·w2 + b2 liefern eine Punktzahl pro Wort ({ $vocab }), und softmax macht daraus Wahrscheinlichkeiten.
arch-params = Insgesamt muss das Netz { $params } Zahlen lernen.
arch-untrained = Noch sind diese Zahlen zufällig: Sehen Sie zu, wie eine Vermutung durch das Netz fließt, von „{ $context }“ bis zu einer Punktzahl für jedes Wort.
arch-trained = Diese Zahlen wurden { $epoch ->
        [one] eine Epoche
       *[other] { $epoch } Epochen
    } lang trainiert.

## Schritt 3: Training

train-loop = In jeder Epoche sagt das Netz jedes nächste Wort des Textes voraus, misst, wie weit es danebenlag (der Verlust), und stupst alle seine Zahlen an, damit es etwas weniger danebenliegt.
    .technical = Jede Epoche ist ein Full-Batch-Schritt: Der Vorwärtsdurchlauf liefert p für jedes Paar, der Verlust ist der Mittelwert von −ln p(richtiges Wort), Backpropagation liefert den Gradienten des Verlusts für jede Zahl, und { $optimizer } bewegt jede Zahl entgegen ihrem Gradienten.
train-settings = Lernrate { $lr } · Optimierer { $optimizer }

## Schritt 4: was wir gelernt haben

take-embeddings = Einbettungen: Wörter werden zu Zahlenlisten, und ähnlich verwendete Wörter landen oft nah beieinander.
take-loss = Verlust: Lernen heißt, den Verlust Schritt für Schritt zu senken; hier von { $from } auf { $to }.
take-probability = Wahrscheinlichkeit: Die Antwort ist eine Wette, verteilt auf alle { $vocab } Wörter; „{ $target }“ nach „{ $context }“ kam anfangs auf { $from }, am Ende auf { $to }.
take-backprop = Backpropagation: Der Fehler fließt rückwärts und sagt jeder Zahl, in welche Richtung sie sich bewegen soll.
take-scale = Größe: Dieses Netz hat { $params } Zahlen; große Sprachmodelle haben Milliarden und lesen einen großen Teil des geschriebenen Internets, doch sie lernen auf dieselbe Weise.
next-lesson = Nächste Lektion: { $title } ▶
next-lesson-short = Nächste Lektion ▶

## Schritt 5: Das Modell schreibt

write-intro = Ein Sprachmodell schreibt Wort für Wort: Es liest { $k ->
        [one] das letzte Wort
       *[other] die letzten { $k } Wörter
    }, gibt jedem Wort eine Wahrscheinlichkeit, zieht eines, hängt es an den Text an und macht weiter.
    .technical = Für jedes neue Wort: { $k ->
        [one] das letzte Wort geht
       *[other] die letzten { $k } Wörter gehen
    } durch das Netz, p = softmax(logits / T), nur die besten k Wörter behalten ihren Anteil (Top-k), ein Wort wird aus p gezogen und angehängt.
write-start = Beginne mit:
write-type-hint = oder tippe einen eigenen Anfang
write-button = Schreiben
write-empty = Tippe mindestens ein Wort als Anfang.
write-unknown = Diese Lektion kennt { $count ->
        [one] das Wort
       *[other] die Wörter
    } { $words } nicht. Sie kennt: { $known }.
write-too-short = Dieses Modell liest { $k } Wörter auf einmal: Beginne mit mindestens { $k }.
write-trained = Trainiert, Epoche { $epoch }:
write-untrained = Untrainiert, Epoche 0:
write-not-trained = In Epoche 0 hat das Modell noch nichts gelernt: Trainiere es und vergleiche dann.
write-writing = Schreibt …
write-next-after = Seine Auswahl nach „{ $context }“:
write-drawn = gezogen
write-again = ↻ Nochmal
write-step = Schritt ▶
write-careful = vorsichtig
write-adventurous = mutig
write-temperature = Temperatur { $t }: { $meaning }
write-t-zero = immer das wahrscheinlichste Wort
write-t-low = meist die wahrscheinlichsten Wörter
write-t-mid = Wörter so oft, wie es sie gelernt hat
write-t-high = mutiger: unwahrscheinliche Wörter kommen öfter vor
write-among = Wähle unter:
write-all = allen Wörtern
write-best = den besten { $k }
write-open = ✎ Schreiben
help-write = W
    .action = das Modell schreiben lassen

## „Was passiert gerade?“

now-heading = Was passiert gerade?
phase-guessing = Raten
phase-learning = Lernen
phase-converging = Einpendeln
phase-converged = Eingependelt
phase-diverged = Entgleist
prob-label = P({ $target } | { $context })
# Die Live-Zahl, z. B. „P(sat | cat) liegt in Epoche 18 bei 43 %“.
now-live = { $prob } liegt in Epoche { $epoch } bei { $p }
now-guessing = Die Zahlen des Netzes sind noch zufällig, es rät also: „{ $target }“ bekommt { $p }, während blindes Raten jedem der { $vocab } Wörter { $uniform } gäbe.
now-learning = Das Netz lernt: Der Verlust ist von { $from } in Epoche 0 auf { $to } gesunken.
now-learning-up = Der Verlust liegt jetzt bei { $to }; begonnen hat er bei { $from }.
now-converging-falling = Das meiste ist gelernt: Der Verlust ({ $loss }) sinkt noch, aber mit jeder Epoche langsamer.
now-converging-flat = Das meiste ist gelernt: Der Verlust ({ $loss }) ändert sich kaum noch.
now-converged = { $after ->
        [none] Seit Epoche { $epoch }
        [by] Spätestens seit Epoche { $epoch }
       *[other] Seit einer Epoche zwischen { $after } und { $epoch }
    } bleibt der Verlust bei etwa { $loss }.
now-floor-reached = Tiefer geht es mit diesem Text nicht: Wo auf denselben Kontext mehrere Wörter folgen können, kann kein Netz sicher sein.
now-floor = Der niedrigste Verlust, den dieser Text zulässt, ist { $floor }.
now-diverged = In Epoche { $epoch } ist der Verlust explodiert: Die Schritte waren zu groß, die Zahlen sind davongelaufen. Eine kleinere Lernrate hilft meist.
# Ein Kontext, auf den mehrere Wörter folgen. $words: „dog 50 %, ball 25 %, cat 25 %“.
now-split = Nach „{ $context }“ geht dieser Text mit { $count } verschiedenen Wörtern weiter: { $words }. Die bestmögliche Wette traut „{ $best }“ also { $p } zu.
now-split-more = { $words } und { $more ->
        [one] ein weiteres
       *[other] { $more } weitere
    }
now-split-now = Jetzt: { $words }.
now-best-run = Niedrigster Verlust im Moment: der Lauf mit Lernrate { $lr } ({ $loss }).
now-press-play = Drücken Sie Start (Leertaste), um das Training zu beginnen.

## Meilensteine

milestone-passed = { $prob } hat { $after ->
        [none] in Epoche { $epoch }
        [by] bis Epoche { $epoch }
       *[other] zwischen Epoche { $after } und { $epoch }
    } die { $pct } überschritten
milestone-favourite = { $after ->
        [none] In Epoche { $epoch }
        [by] Bis Epoche { $epoch }
       *[other] Zwischen Epoche { $after } und { $epoch }
    } wurde „{ $target }“ zum Favoriten nach „{ $context }“
milestone-converged = Eingependelt { $after ->
        [none] in Epoche { $epoch }
        [by] bis Epoche { $epoch }
       *[other] zwischen Epoche { $after } und { $epoch }
    }
milestone-diverged = Entgleist in Epoche { $epoch }
milestone-learning = { $after ->
        [none] In Epoche { $epoch }
        [by] Bis Epoche { $epoch }
       *[other] Zwischen Epoche { $after } und { $epoch }
    } kam das Lernen in Fahrt
milestone-short-favourite = Favorit

## Bedienelemente

play = ▶ Start
pause = ❚❚ Pause
step-forward = +1 ▶
step-back = ◀ −1
step-forward-tip = Eine Epoche vor (→)
step-back-tip = Eine Epoche zurück (←)
reset = ⟲ Zurücksetzen
reset-new-seed = Neuer Startwert
speed = Tempo
speed-value = { $speed } Epochen/s
learning-rate = Lernrate
learning-rate-long = Lernrate
optimizer = Optimierer
restart = Neu starten
restart-tip = Mit dieser Lernrate und diesem Optimierer neu ab Epoche 0 trainieren
timeline-epoch = { $hint } · Epoche { $epoch }
progress = { $pct } · Epoche { $epoch } von { $total }
timeline-hint = Ziehen, um jede Epoche noch einmal anzusehen
live = Zum aktuellen Stand
words = Wörter
status-playing = ▶ { $speed } Epochen/s
status-paused = pausiert
status-trained = trainiert

## Lektionen und eigener Text

lessons = Lektionen
language = Sprache:
level = Erklärungen:
level-simple = in einfachen Worten
level-technical = mit den Formeln
display = Anzeige:
comfort-calm = ruhige Bewegung
comfort-large = große Schrift
comfort-colours = Farben für Farbenblinde
comfort-contrast = hoher Kontrast
your-text = Eigener Text
your-text-description = Das Netz lernt, welches Wort in Ihrem Text auf welches folgt.
your-text-hint = Einen oder zwei Sätze eingeben…
train-text = Damit trainieren
train-text-attention = Mit Aufmerksamkeit
text-count = { $chars } / { $max } Zeichen
err-too-long = Das sind { $chars } Zeichen. Bitte höchstens { $max } verwenden.
err-too-many-words = Dieser Text hat { $words } verschiedene Wörter. Das Netz schafft bis zu { $max }; bitte versuchen Sie etwas Kürzeres.
err-no-words = Darin habe ich keine Wörter gefunden. Versuchen Sie es mit Buchstaben oder Zahlen, etwa „der Hund rennt“.
err-too-short = Jeder Satz braucht mindestens { $need } Wörter, damit es ein nächstes Wort zu erraten gibt.
err-limit = Dieser Text ist zu groß, um ihn hier zu trainieren: { $detail }.
err-glyphs = Die Schrift hier zeigt nur lateinische, griechische und kyrillische Buchstaben, nicht { $chars }.
err-other = Dieser Text lässt sich nicht verwenden. Versuchen Sie es mit einem einfachen Satz.
lesson-failed = Diese Lektion ließ sich nicht laden: { $error }

## Anzeigen beim Darüberfahren

hover-bar = Nach „{ $context }“ gibt das Netz „{ $word }“ { $p }; im Text folgt es in { $share } der Fälle.
hover-neuron = Das verborgene Neuron { $unit } ist { $state } ({ $value }), wenn die Eingabe „{ $context }“ ist.
hover-dim = Zahl { $dim } der { $count } Zahlen von „{ $word }“: { $value }
neuron-silent = fast still
neuron-full-on = fast ganz an
neuron-full-negative = fast ganz negativ
neuron-partly-on = teilweise an
neuron-partly-negative = teilweise negativ
word-prob = P({ $word }) = { $p }

## Hilfe

help-title = Tasten
help-close = Schließen
help-play = Leertaste
    .action = Start / Pause
help-forward = →
    .action = eine Epoche vor
help-back = ←
    .action = eine Epoche zurück
help-ends = Pos1 / Ende
    .action = erste / neueste Epoche
help-reset = R / Umschalt+R
    .action = zurücksetzen / mit neuem Startwert zurücksetzen
help-lessons = 1 – 9
    .action = Lektion wählen
help-steps = Bild↓ / Bild↑
    .action = nächster / vorheriger Schritt
help-select = ↑ / ↓ / Tab
    .action = Paar / Wort wählen
help-speed = + / −
    .action = schneller / langsamer
help-camera = Ziehen / Mausrad
    .action = 3D-Ansicht drehen / zoomen (C: Ausgangsansicht)
help-fullscreen = F
    .action = Vollbild
help-hide = H
    .action = Tafeln aus- oder einblenden
help-screenshot = S
    .action = Bildschirmfoto speichern (PNG)
help-help = ?
    .action = diese Hilfe
help-calm = Z
    .action = ruhige Bewegung: kein Drehen, kein Pulsieren
help-text-size = T
    .action = große / normale Schrift
help-quit = Esc / Q
    .action = schließen / beenden
hidden-hint = H blendet die Tafeln ein
screenshot-saved = Gespeichert: { $path }
screenshot-failed = Das Bildschirmfoto ließ sich nicht speichern: { $error }

## Beschriftungen in der Szene

app-name = nextword
header-epoch = Epoche { $epoch }
header-epoch-of = Epoche { $epoch } / { $total }
header-loss = Verlust { $loss }
embedding-title = Einbettungsraum
embedding-raw = Einbettung, Dimensionen 1, 2, 3 (roh)
embedding-pca = PCA der Wortvektoren
embedding-pca-explained = PCA der Wortvektoren: 3 Achsen zeigen { $pct } der Varianz
network-title = Netz
network-input = Eingabe „{ $context }“
network-column-context = Kontext
network-column-hidden = verborgen
network-column-next = nächstes Wort
bars-title = Nächstes Wort
bars-title-after = Nächstes Wort nach „{ $context }“
# A short title of the bars when the long one does not fit: the context and an arrow.
bars-title-short = „{ $context }“ →
bars-top-of = Top { $count } von { $vocab } Wörtern
loss-title = Verlust
loss-linear = Kreuzentropie
loss-log = Kreuzentropie, log. Skala
loss-runs = { $subtitle }, { $run } (andere blass)
loss-axis-epoch = Epoche { $epoch }
strips-title = Blick in die Zahlen
strips-title-short = Zahlen
# A word quoted inside a label.
quoted-word = „{ $word }“
hidden-per-pair = verborgene Neuronen, je Paar
# Above the numbers of a word in the 3D view's read-out.
tooltip-vector = seine { $n } Zahlen, seine Einbettung:

## Kiosk

kiosk-welcome = Willkommen! Zum Drehen ziehen, zum Zoomen zwei Finger spreizen, zum Verfolgen auf ein Wort tippen.
# $n: verbleibende Sekunden.
kiosk-countdown = Noch da? In { $n } s geht es von vorn los. Einfach irgendwo tippen, um weiterzumachen.
kiosk-attract = Berühren Sie den Bildschirm und entdecken Sie, wie ein Computer lernt, welches Wort als Nächstes kommt.

## Legend of the 3D view

legend-ring = das verfolgte Wort
legend-trail = sein Weg beim Lernen
legend-negative = negative Zahl
legend-positive = positive Zahl
legend-followed = { $run } (verfolgt)

## What a toggle did (a short note)

toggle-calm-on = Ruhige Bewegung: an (Z)
toggle-calm-off = Ruhige Bewegung: aus (Z)
toggle-large-on = Große Schrift: an (T)
toggle-large-off = Große Schrift: aus (T)
toggle-rotate-on = Automatisch drehen: an (A)
toggle-rotate-off = Automatisch drehen: aus (A)
toggle-glow-on = Leuchten an (B)
toggle-glow-off = Leuchten aus (B)
toggle-log-on = Verlust auf logarithmischer Skala (L)
toggle-log-off = Verlust auf linearer Skala (L)
toggle-raw-on = 3D-Ansicht: die ersten drei Zahlen jedes Worts (P)
toggle-raw-off = 3D-Ansicht: die drei aussagekräftigsten Richtungen, PCA (P)

## Die Mathe-Karte

math-open = ∑ Mathe
math-title = Die Mathematik
math-close = Schließen ✕
math-waiting = Die Zahlen sind unterwegs …
math-pair = „{ $context }“ → „{ $target }“, Epoche { $epoch }
math-x = Das Embedding von „{ $context }“: { $n } Zahlen, die das Netz lernt.
math-z = Jedes versteckte Neuron addiert die Eingaben, jede mal ihrem Gewicht, plus seinen Bias.
math-h-tanh = tanh drückt jede Summe zwischen −1 und +1: wie stark das Neuron feuert.
math-h-relu = relu behält positive Summen und macht negative zu 0.
math-logits = Jedes Wort bekommt von den versteckten Neuronen eine Punktzahl; softmax macht daraus Wahrscheinlichkeiten, die zusammen 100 % ergeben.
math-result = P(„{ $target }“) = { $p }; der Verlust für dieses Paar ist −ln P = { $loss }.
math-grad-button = Einen Schritt zurück zeigen
math-grad = Ein Schritt zurück: Für den Verlust dieses Paares hat das Gewicht vom versteckten Neuron { $unit } zu „{ $target }“ den Gradienten h{ $unit } · (P − 1) = { $h } · ({ $p } − 1) = { $g }.
math-grad-negative = Er ist negativ: Ein Schritt bergab auf dem Verlust dieses Paares macht das Gewicht etwas größer, und P(„{ $target }“) steigt.
math-grad-positive = Er ist positiv: Ein Schritt bergab auf dem Verlust dieses Paares macht das Gewicht etwas kleiner, und P(„{ $target }“) steigt.
math-grad-zero = Er ist fast 0: Dieses Paar kann diesem Gewicht kaum noch etwas beibringen.
help-math = M
    .action = die Mathematik mit den Zahlen dieser Epoche

## The attention lesson

attn-step-title-puzzle = Das Rätsel
attn-step-puzzle = Manchmal hängt das nächste Wort von einem Wort mehrere Stellen zuvor ab. Ein Modell, das nur die letzten zwei Wörter liest, sieht nicht so weit: Die graue gestrichelte Linie im Verlustdiagramm ist so ein Modell, auf demselben Text trainiert. Dieses Modell kann bis zu { $window } Wörter zurückschauen und lernt, wohin es schauen soll.
attn-step-puzzle-no-ghost = Manchmal hängt das nächste Wort von einem Wort mehrere Stellen zuvor ab, und ein Modell, das nur die letzten zwei Wörter liest, sieht nicht so weit. Dieses Modell kann bis zu { $window } Wörter zurückschauen und lernt, wohin es schauen soll.
attn-step-title-query = Wohin schauen: Abfrage und Schlüssel
attn-step-query = Das Wort, auf dem das Modell steht, stellt eine Frage, seine Abfrage (Query). Jedes Wort, das es sehen kann, hält ein Etikett hoch, seinen Schlüssel (Key). Je besser ein Schlüssel zur Abfrage passt, desto mehr schaut das Modell auf dieses Wort. Die Bögen über dem Satz zeigen, wie viel, und sie ergeben zusammen immer 100 %.
attn-step-title-value = Was es liest: der Wert
attn-step-value = Von jedem Wort, auf das es schaut, liest das Modell einen Wert (Value) und mischt die Werte danach, wie sehr es auf jedes schaut. Die Mischung addiert es zum Wort, auf dem es steht, und macht aus der Summe eine Vermutung für das nächste Wort: die Balken.
attn-step-title-watch = Beim Lernen zusehen
attn-step-watch = Im Raster ist jede Zeile eine Stelle im Text und jede Spalte, wie viele Wörter zurück. Am Anfang entscheidet der Zufall, wohin das Modell schaut: Seine ersten Gewichte sind zufällig. Beim Training leuchtet jede Zeile dort auf, wo ein nützliches Wort steht. Wähle eine Zeile, um dieser Stelle zu folgen.
attn-step-title-llm = Hin zu echten Sprachmodellen
attn-step-llm = Echte Sprachmodelle machen dasselbe mit vielen solchen Aufmerksamkeitsköpfen nebeneinander und Dutzenden Schichten übereinander, über Tausende Wörter. Die Idee ist die, der du eben zugesehen hast: allein aus dem Text lernen, wohin man schaut.
attn-step-title-write = Das Modell schreibt
attn-step-write = Ein Sprachmodell schreibt ein Wort nach dem anderen: Es liest die bisherigen Wörter, schaut dorthin zurück, wohin es zu schauen gelernt hat, zieht das nächste Wort aus seiner Vermutung und hängt es an den Text. Hier beginnt es mit „{ $start }“. „Nochmal“ zieht neu.
attn-write-looked = „{ $word }“ ← „{ $at }“
attn-now = Jetzt
attn-now-looks = Nach „{ $context }“ schaut es am meisten auf „{ $word }“ { $back ->
        [0] (das Wort, auf dem es steht)
        [one] (ein Wort zurück)
       *[other] ({ $back } Wörter zurück)
    }: { $share } seiner Aufmerksamkeit.
attn-now-guess = Es gibt „{ $target }“, dem Wort, das im Text folgt, { $p }; seine beste Vermutung ist „{ $top }“ mit { $ptop }.
attn-now-guess-right = Es gibt „{ $target }“, dem Wort, das im Text folgt, { $p }: seine beste Vermutung.
attn-now-best = Wer bis zu { $window } Wörter zurück sieht, kann ihm hier höchstens { $best } geben.
attn-now-two-words = Aus den letzten zwei Wörtern allein („{ $two }“) höchstens { $best2 }.
attn-epoch = Epoche { $epoch } · Verlust { $loss }
attn-back-n = { $n ->
        [0] hier
       *[other] { $n } zurück
    }
attn-words-back = Wörter zurück →
attn-position-n = Position { $n }
attn-words = Wörter
attn-keys = Schlüssel
attn-values = Werte
attn-mix = Mischung
attn-output = nächstes Wort
attn-query = Abfrage
attn-epochs-axis = Epoche { $n }
attn-log-axis = logarithmisch
attn-without = ohne Aufmerksamkeit
attn-with = mit Aufmerksamkeit
attn-panel-strip = Wohin es schaut
attn-panel-space = Wörter im Raum
attn-panel-network = Abfrage, Schlüssel, Wert
attn-panel-heat = Aufmerksamkeit, jede Stelle im Text
attn-panel-loss = Verlust
attn-panel-bars = Seine Vermutung für das nächste Wort
attn-positions-on = Positionen sichtbar (P)
attn-positions-off = Positionen verborgen (P)
attn-hint = Leertaste Start · ←/→ Epochen · ↑/↓ Stelle · P Positionen · R neu
