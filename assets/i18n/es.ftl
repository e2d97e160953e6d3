### nextword: español. Todas las frases y etiquetas que muestra la aplicación.
### Los marcadores ({ $name }) los rellena la aplicación; los números llegan ya con la precisión adecuada.
### Una traducción conserva todos los identificadores de mensaje y usa todos los marcadores del mensaje en inglés.

## Números

# Una probabilidad. $value es el número, ya redondeado (p. ej., 45,3).
percent = { $value } %

## Pasos

step-title-task = 1 · La tarea
step-title-network = 2 · La red
step-title-training = 3 · El entrenamiento
step-title-takeaways = 4 · Lo que hemos aprendido
step-title-write = 5 · El modelo escribe
step-of = Paso { $n } de { $total }
next = Siguiente ▶
back = ◀ Atrás

## Paso 1: la tarea. Cada frase se construye con el texto y los números de la propia lección.

# $k: palabras de contexto que lee la red.
task-job = Enseñamos a una red diminuta una sola tarea: { $k ->
        [one] leer una palabra
       *[other] leer { $k } palabras
    } y adivinar la palabra que viene después.
task-world-one = Todo su mundo es una sola frase: «{ $sentence }», con { $vocab ->
        [one] una sola palabra
       *[other] { $vocab } palabras distintas
    }.
# $count: frases (al menos 2); $first, $second: dos de ellas.
task-world-many = Todo su mundo son { $count } frases, como «{ $first }» y «{ $second }», con { $vocab } palabras distintas.
task-always = En este texto, a «{ $context }» siempre le sigue «{ $target }».
# Época 0: la red sin entrenar.
task-random = Sus números empiezan siendo aleatorios, así que ahora mismo solo da un { $p } a «{ $target }» tras «{ $context }».
task-now = En la época { $epoch } da un { $p } a «{ $target }» tras «{ $context }».
task-phones = Las sugerencias de palabras de su teléfono y los grandes modelos de lenguaje hacen exactamente esto, palabra a palabra.

## Paso 2: la red

arch-embedding = Cada palabra se representa con una lista de { $dim } números: su vector de palabra (embedding), un punto en el espacio.
arch-layers = { $k ->
        [one] El embedding de la última palabra alimenta
       *[other] Los embeddings de las últimas { $k } palabras alimentan
    } una capa oculta de { $hidden } neuronas, que da una puntuación a cada una de las { $vocab } palabras; las puntuaciones se convierten en probabilidades.
    .technical = { $k ->
        [one] El embedding de la última palabra, x ({ $inputs } números), pasa
       *[other] Los embeddings de las últimas { $k } palabras, unidos en x ({ $inputs } números), pasan
    } por z = x·w1 + b1 y h = tanh(z) ({ $hidden } neuronas ocultas); logits = h·w2 + b2 da una puntuación por palabra ({ $vocab }), y softmax las convierte en probabilidades.
arch-params = En total, la red tiene { $params } números que aprender.
arch-untrained = Todavía son aleatorios: siga el recorrido de una predicción por la red, desde «{ $context }» hasta una puntuación para cada palabra.
arch-trained = Estos números se han entrenado durante { $epoch ->
        [one] una época
       *[other] { $epoch } épocas
    }.

## Paso 3: el entrenamiento

train-loop = En cada época, la red predice cada palabra siguiente del texto, mide cuánto se equivoca (la pérdida) y ajusta todos sus números para equivocarse un poco menos.
    .technical = Cada época es un paso con el lote completo: la propagación hacia adelante da p para cada par, la pérdida es la media de −ln p(palabra correcta), la retropropagación da el gradiente de la pérdida para cada número y { $optimizer } mueve cada número en sentido contrario a su gradiente.
train-settings = Tasa de aprendizaje { $lr } · optimizador { $optimizer }

## Paso 4: lo que hemos aprendido

take-embeddings = Embeddings: las palabras se convierten en listas de números, y las que se usan de forma parecida suelen quedar cerca unas de otras.
take-loss = Pérdida: aprender es reducir la pérdida paso a paso; aquí pasó de { $from } a { $to }.
take-probability = Probabilidad: la respuesta es una apuesta repartida entre las { $vocab } palabras; «{ $target }» tras «{ $context }» pasó del { $from } al { $to }.
take-backprop = Retropropagación: el error fluye hacia atrás e indica a cada número hacia dónde moverse.
take-scale = Escala: esta red tiene { $params } números; los grandes modelos de lenguaje tienen miles de millones y leen buena parte de la web escrita, pero aprenden del mismo modo.
next-lesson = Siguiente lección: { $title } ▶
next-lesson-short = Siguiente lección ▶

## Paso 5: el modelo escribe

write-intro = Un modelo de lenguaje escribe palabra a palabra: lee { $k ->
        [one] la última palabra
       *[other] las últimas { $k } palabras
    }, da una probabilidad a cada palabra, saca una, la añade al texto y sigue.
    .technical = Para cada palabra nueva: { $k ->
        [one] la última palabra pasa
       *[other] las últimas { $k } palabras pasan
    } por la red, p = softmax(logits / T), solo las k mejores palabras conservan su parte (top-k), se saca una palabra según p y se añade.
write-start = Empieza con:
write-type-hint = o escribe tu propio comienzo
write-button = Escribir
write-empty = Escribe al menos una palabra para empezar.
write-unknown = Esta lección nunca ha visto { $count ->
        [one] la palabra
       *[other] las palabras
    } { $words }. Conoce: { $known }.
write-too-short = Este modelo lee { $k } palabras a la vez: empieza con al menos { $k }.
write-trained = Entrenado, época { $epoch }:
write-untrained = Sin entrenar, época 0:
write-not-trained = En la época 0 el modelo aún no ha aprendido nada: entrénalo y vuelve para comparar.
write-writing = Escribiendo…
write-next-after = Sus opciones después de «{ $context }»:
write-drawn = elegida
write-again = ↻ Otra vez
write-step = Paso ▶
write-careful = prudente
write-adventurous = atrevido
write-temperature = Temperatura { $t }: { $meaning }
write-t-zero = siempre la palabra más probable
write-t-low = sobre todo las palabras más probables
write-t-mid = las palabras tan a menudo como las aprendió
write-t-high = más atrevido: las palabras improbables salen más a menudo
write-among = Elegir entre:
write-all = todas las palabras
write-best = las { $k } mejores
write-open = ✎ Escribir
help-write = W
    .action = dejar escribir al modelo

## «¿Qué está pasando ahora?»

now-heading = ¿Qué está pasando ahora?
phase-guessing = Adivinando
phase-learning = Aprendiendo
phase-converging = Convergiendo
phase-converged = Convergido
phase-diverged = Divergido
prob-label = P({ $target } | { $context })
# El número en directo, p. ej., «P(sat | cat) es del 43 % en la época 18».
now-live = { $prob } es del { $p } en la época { $epoch }
now-guessing = Sus números siguen siendo aleatorios, así que está adivinando: «{ $target }» recibe un { $p }, cuando una apuesta a ciegas entre las { $vocab } palabras le daría a cada una un { $uniform }.
now-learning = La red está aprendiendo: la pérdida ha bajado de { $from } en la época 0 a { $to }.
now-learning-up = Ahora la pérdida es { $to }; empezó en { $from }.
now-converging-falling = Ya se ha hecho la mayor parte del aprendizaje: la pérdida ({ $loss }) sigue bajando, pero cada época más despacio.
now-converging-flat = Ya se ha hecho la mayor parte del aprendizaje: la pérdida ({ $loss }) casi ha dejado de cambiar.
now-converged = { $after ->
        [none] Desde la época { $epoch }
        [by] Como tarde desde la época { $epoch }
       *[other] Desde una época entre { $after } y { $epoch }
    }, la pérdida se mantiene cerca de { $loss }.
now-floor-reached = Es lo más bajo que permite este texto: cuando varias palabras pueden seguir al mismo contexto, ninguna red puede estar segura.
now-floor = La pérdida más baja que permite este texto es { $floor }.
now-diverged = La pérdida se disparó en la época { $epoch }: los pasos eran demasiado grandes y los números se descontrolaron. Una tasa de aprendizaje menor suele solucionarlo.
# Un contexto al que siguen varias palabras. $words: «dog 50 %, ball 25 %, cat 25 %».
now-split = Tras «{ $context }», este texto continúa con { $count } palabras distintas: { $words }. Así que la mejor apuesta posible da un { $p } a «{ $best }».
now-split-more = { $words } y { $more ->
        [one] una más
       *[other] { $more } más
    }
now-split-now = Ahora: { $words }.
now-best-run = Menor pérdida ahora: el entrenamiento con tasa de aprendizaje { $lr } ({ $loss }).
now-press-play = Pulse Reproducir (Espacio) para empezar el entrenamiento.

## Hitos

milestone-passed = { $prob } superó el { $pct } { $after ->
        [none] en la época { $epoch }
        [by] como tarde en la época { $epoch }
       *[other] entre las épocas { $after } y { $epoch }
    }
milestone-favourite = { $after ->
        [none] En la época { $epoch }
        [by] Como tarde en la época { $epoch }
       *[other] Entre las épocas { $after } y { $epoch }
    }, «{ $target }» pasó a ser la favorita tras «{ $context }»
milestone-converged = Convergió { $after ->
        [none] en la época { $epoch }
        [by] como tarde en la época { $epoch }
       *[other] entre las épocas { $after } y { $epoch }
    }
milestone-diverged = Divergió en la época { $epoch }
milestone-learning = El aprendizaje despegó { $after ->
        [none] en la época { $epoch }
        [by] como tarde en la época { $epoch }
       *[other] entre las épocas { $after } y { $epoch }
    }
milestone-short-favourite = favorita

## Controles

play = ▶ Reproducir
pause = ❚❚ Pausa
step-forward = +1 ▶
step-back = ◀ −1
step-forward-tip = Avanzar una época (→)
step-back-tip = Retroceder una época (←)
reset = ⟲ Reiniciar
reset-new-seed = Nueva semilla
speed = Velocidad
speed-value = { $speed } épocas/s
learning-rate = Tasa
learning-rate-long = Tasa de aprendizaje
optimizer = Optimizador
restart = Reentrenar
restart-tip = Entrenar de nuevo desde la época 0 con esta tasa de aprendizaje y este optimizador
timeline-epoch = { $hint } · época { $epoch }
progress = { $pct } · época { $epoch } de { $total }
timeline-hint = Arrastre para volver a ver cualquier época
live = Volver al presente
words = Palabras
status-playing = ▶ { $speed } épocas/s
status-paused = en pausa
status-trained = entrenado

## Lecciones y su propio texto

lessons = Lecciones
language = Idioma:
level = Explicaciones:
level-simple = con palabras sencillas
level-technical = con las fórmulas
display = Visualización:
comfort-calm = movimiento tranquilo
comfort-large = texto grande
comfort-colours = colores aptos para daltónicos
comfort-contrast = alto contraste
your-text = Su propio texto
your-text-description = La red aprende qué palabra sigue a cuál en el texto que ha escrito.
your-text-hint = Escriba una o dos frases…
train-text = Entrenar con él
train-text-attention = Con atención
text-count = { $chars } / { $max } caracteres
err-too-long = Este texto tiene { $chars } caracteres. Use { $max } como máximo, por favor.
err-too-many-words = Este texto tiene { $words } palabras distintas. La red admite hasta { $max }; pruebe con algo más corto.
err-no-words = No se encontró ninguna palabra. Pruebe con letras o números, como «el perro corre».
err-too-short = Cada frase necesita al menos { $need } palabras para que haya una palabra siguiente que adivinar.
err-limit = Este texto es demasiado grande para entrenarlo aquí: { $detail }.
err-glyphs = Las fuentes de aquí solo muestran los alfabetos latino, griego y cirílico, no { $chars }.
err-other = No se pudo usar ese texto. Pruebe con una frase sencilla.
lesson-failed = No se pudo cargar esa lección: { $error }

## Lecturas al pasar el puntero

hover-bar = Tras « { $context } », la red da a « { $word } » un { $p }; en el texto la sigue el { $share } de las veces.
hover-neuron = La neurona oculta { $unit } está { $state } ({ $value }) cuando la entrada es « { $context } ».
hover-dim = Número { $dim } de los { $count } números de « { $word } »: { $value }
neuron-silent = casi en silencio
neuron-full-on = casi del todo encendida
neuron-full-negative = casi del todo negativa
neuron-partly-on = en parte encendida
neuron-partly-negative = en parte negativa
word-prob = P({ $word }) = { $p }

## Ayuda

help-title = Teclas
help-close = Cerrar
help-play = Espacio
    .action = reproducir / pausar
help-forward = →
    .action = avanzar una época
help-back = ←
    .action = retroceder una época
help-ends = Inicio / Fin
    .action = primera / última época
help-reset = R / Mayús+R
    .action = reiniciar / reiniciar con otra semilla
help-lessons = 1 – 9
    .action = elegir una lección
help-steps = AvPág / RePág
    .action = paso siguiente / anterior
help-select = ↑ / ↓ / Tab
    .action = elegir un par / una palabra
help-speed = + / −
    .action = más rápido / más lento
help-camera = Arrastrar / rueda
    .action = girar / ampliar la vista 3D (C: vista inicial)
help-fullscreen = F
    .action = pantalla completa
help-hide = H
    .action = ocultar o mostrar los paneles
help-screenshot = S
    .action = guardar una captura de pantalla (PNG)
help-help = ?
    .action = esta ayuda
help-calm = Z
    .action = movimiento tranquilo: sin giros ni pulsos
help-text-size = T
    .action = texto grande / normal
help-quit = Esc / Q
    .action = cerrar / salir
hidden-hint = H muestra los paneles
screenshot-saved = Captura guardada: { $path }
screenshot-failed = No se pudo guardar la captura de pantalla: { $error }

## Etiquetas de la escena

app-name = nextword
header-epoch = época { $epoch }
header-epoch-of = época { $epoch } / { $total }
header-loss = pérdida { $loss }
embedding-title = Espacio de embeddings
embedding-raw = dimensiones 1, 2 y 3 del embedding (en bruto)
embedding-pca = PCA de los vectores de palabra
embedding-pca-explained = PCA de los vectores de palabra: 3 ejes explican el { $pct } de la varianza
network-title = Red
network-input = entrada «{ $context }»
network-column-context = contexto
network-column-hidden = oculta
network-column-next = siguiente palabra
bars-title = Siguiente palabra
bars-title-after = Siguiente palabra tras «{ $context }»
# A short title of the bars when the long one does not fit: the context and an arrow.
bars-title-short = « { $context } » →
bars-top-of = las { $count } más probables de { $vocab } palabras
loss-title = Pérdida
loss-linear = entropía cruzada
loss-log = entropía cruzada, escala logarítmica
loss-runs = { $subtitle }, { $run } (el resto, atenuado)
loss-axis-epoch = época { $epoch }
strips-title = Dentro de los números
strips-title-short = Números
# A word quoted inside a label.
quoted-word = « { $word } »
hidden-per-pair = neuronas ocultas, por par
# Above the numbers of a word in the 3D view's read-out.
tooltip-vector = sus { $n } números, su embedding:

## Quiosco

kiosk-welcome = ¡Le damos la bienvenida! Arrastre para girar la vista, pellizque para ampliar y toque una palabra para seguirla.
# $n: segundos restantes.
kiosk-countdown = ¿Sigue ahí? Volveremos a empezar en { $n } s. Toque la pantalla para seguir explorando.
kiosk-attract = Toque la pantalla para descubrir cómo aprende una máquina qué palabra viene después.

## Legend of the 3D view

legend-ring = la palabra que sigue
legend-trail = su recorrido durante el entrenamiento
legend-negative = número negativo
legend-positive = número positivo
legend-followed = { $run } (seguida)

## What a toggle did (a short note)

toggle-calm-on = Movimiento tranquilo activado (Z)
toggle-calm-off = Movimiento tranquilo desactivado (Z)
toggle-large-on = Texto grande activado (T)
toggle-large-off = Texto grande desactivado (T)
toggle-rotate-on = Giro automático activado (A)
toggle-rotate-off = Giro automático desactivado (A)
toggle-glow-on = Brillo activado (B)
toggle-glow-off = Brillo desactivado (B)
toggle-log-on = Pérdida en escala logarítmica (L)
toggle-log-off = Pérdida en escala lineal (L)
toggle-raw-on = Vista 3D: los tres primeros números de cada palabra (P)
toggle-raw-off = Vista 3D: las tres direcciones más reveladoras, PCA (P)

## La tarjeta de las matemáticas

math-open = ∑ Mates
math-title = Las matemáticas
math-close = Cerrar ✕
math-waiting = Los números están en camino…
math-pair = «{ $context }» → «{ $target }», época { $epoch }
math-x = El embedding de «{ $context }»: { $n } números que la red aprende.
math-z = Cada neurona oculta suma las entradas, cada una por su peso, más su sesgo.
math-h-tanh = tanh comprime cada suma entre −1 y +1: cuánto se activa la neurona.
math-h-relu = relu conserva las sumas positivas y convierte las negativas en 0.
math-logits = Cada palabra recibe una puntuación de las neuronas ocultas; softmax convierte las puntuaciones en probabilidades que suman 100 %.
math-result = P(«{ $target }») = { $p }; la pérdida de este par es −ln P = { $loss }.
math-grad-button = Mostrar un paso atrás
math-grad = Un paso atrás: para la pérdida de este par, el peso de la neurona oculta { $unit } a «{ $target }» tiene el gradiente h{ $unit } · (P − 1) = { $h } · ({ $p } − 1) = { $g }.
math-grad-negative = Es negativo: un paso cuesta abajo en la pérdida de este par aumenta un poco el peso, y P(«{ $target }») sube.
math-grad-positive = Es positivo: un paso cuesta abajo en la pérdida de este par reduce un poco el peso, y P(«{ $target }») sube.
math-grad-zero = Es casi 0: este par ya casi no tiene nada que enseñar a este peso.
help-math = M
    .action = las matemáticas con los números de esta época

## The attention lesson

attn-step-title-puzzle = El enigma
attn-step-puzzle = A veces la palabra siguiente depende de una palabra varias posiciones atrás. Un modelo que solo lee las dos últimas palabras no ve tan lejos: la línea gris discontinua del gráfico de pérdida es un modelo así, entrenado con el mismo texto. Este modelo puede mirar hasta { $window } palabras atrás, y aprende adónde mirar.
attn-step-puzzle-no-ghost = A veces la palabra siguiente depende de una palabra varias posiciones atrás, y un modelo que solo lee las dos últimas palabras no ve tan lejos. Este modelo puede mirar hasta { $window } palabras atrás, y aprende adónde mirar.
attn-step-title-query = Adónde mirar: consulta y clave
attn-step-query = La palabra en la que está el modelo hace una pregunta, su consulta (query). Cada palabra que puede ver muestra una etiqueta, su clave (key). Cuanto mejor encaja una clave con la consulta, más mira el modelo esa palabra. Los arcos sobre la frase muestran cuánto, y siempre suman 100 %.
attn-step-title-value = Qué lee: el valor
attn-step-value = De cada palabra que mira, el modelo lee un valor (value) y mezcla los valores según cuánto mira cada una. Suma la mezcla a la palabra en la que está y convierte la suma en una conjetura para la palabra siguiente: las barras.
attn-step-title-watch = Verlo aprender
attn-step-watch = En la cuadrícula, cada fila es un lugar del texto y cada columna cuántas palabras atrás. Al principio, adónde mira el modelo lo decide el azar: sus primeros pesos son aleatorios. Al entrenar, cada fila se ilumina donde hay una palabra útil. Elige una fila para seguir ese lugar.
attn-step-title-llm = Hacia los modelos de lenguaje reales
attn-step-llm = Los modelos de lenguaje reales hacen lo mismo con muchas cabezas de atención en paralelo y decenas de capas apiladas, sobre miles de palabras. La idea es la que acabas de ver: aprender, solo a partir del texto, adónde mirar.
attn-step-title-write = El modelo escribe
attn-step-write = Un modelo de lenguaje escribe una palabra tras otra: lee las palabras que ya hay, mira atrás adonde aprendió a mirar, saca la palabra siguiente de su conjetura y la añade al texto. Aquí empieza por «{ $start }». «Otra vez» vuelve a sortear.
attn-write-looked = «{ $word }» ← «{ $at }»
attn-now = Ahora
attn-now-looks = Tras «{ $context }» mira sobre todo «{ $word }» { $back ->
        [0] (la palabra en la que está)
        [one] (una palabra atrás)
       *[other] ({ $back } palabras atrás)
    }: { $share } de su atención.
attn-now-guess = Da a «{ $target }», la palabra que sigue en el texto, { $p }; su mejor conjetura es «{ $top }» con { $ptop }.
attn-now-guess-right = Da a «{ $target }», la palabra que sigue en el texto, { $p }: su mejor conjetura.
attn-now-best = Viendo hasta { $window } palabras atrás, ningún modelo puede darle aquí más de { $best }.
attn-now-two-words = Con solo las dos últimas palabras («{ $two }»), no más de { $best2 }.
attn-epoch = Época { $epoch } · pérdida { $loss }
attn-back-n = { $n ->
        [0] aquí
       *[other] { $n } atrás
    }
attn-words-back = palabras atrás →
attn-position-n = posición { $n }
attn-words = palabras
attn-keys = claves
attn-values = valores
attn-mix = mezcla
attn-output = palabra siguiente
attn-query = consulta
attn-epochs-axis = época { $n }
attn-log-axis = escala log
attn-without = sin atención
attn-with = con atención
attn-panel-strip = Adónde mira
attn-panel-space = Las palabras en el espacio
attn-panel-network = Consulta, clave, valor
attn-panel-heat = Atención, cada lugar del texto
attn-panel-loss = Pérdida
attn-panel-bars = Su conjetura para la palabra siguiente
attn-positions-on = posiciones visibles (P)
attn-positions-off = posiciones ocultas (P)
attn-hint = Espacio reproducir · ←/→ épocas · ↑/↓ lugar · P posiciones · R reiniciar
