# Placard en español. Las mismas claves y variables que en.ftl (una prueba lo comprueba).

## Todas las páginas

skip-to-content = Ir al contenido
languages-nav = Idioma
footer-free-software = Placard es software libre bajo la GNU AGPL:
footer-source = su código fuente
back = Volver
add-your-photo = Añade tu foto

## Fechas y números

month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
date-day = { $day } de { $month } de { $year }
date-time = { $day } de { $month } de { $year }, { $time } UTC
age-seconds = { $n } s
age-minutes = { $n } min
age-hours = { $n } h
age-days = { $n ->
    [one] { $n } día
   *[other] { $n } días
}

## La portada

home-title = Campañas
home-fresh-heading = Aún no hay nada
home-fresh-intro = Este Placard todavía no tiene campañas ni concursos. Para empezar:
home-fresh-step-account = En el servidor, crea una cuenta para ti:
home-fresh-step-token = Muestra tu token una sola vez: guárdalo en un lugar seguro.
home-fresh-step-sign-in = Después entra con ese token y crea tu primera campaña:
home-campaigns = Peticiones con fotos
home-no-campaigns = Ahora mismo ninguna petición recibe fotos.
home-contests = Concursos de lemas
home-staff-run = Equipo: gestionar una campaña
home-staff-moderate = moderar
home-staff-judge = evaluar
home-opens = Abre el { $when }
home-open-until = Abierta hasta el { $when }
home-open = Abierta
home-entries-from = Participaciones desde el { $when }
home-opening-soon = Abre pronto
home-entries-until = Participaciones hasta el { $when }
home-winner-on = Ganador el { $when }
home-winner = Ganador anunciado

## La página de una campaña

campaign-see-gallery = Ver la galería de fotos
campaign-see-mosaic = todas juntas
campaign-send-heading = Envía tu foto
campaign-send-intro = Hazte una foto sosteniendo el logo de la campaña y envíala aquí. Antes de que nadie la vea, le quitamos la ubicación, los datos de la cámara y cualquier otro dato oculto.
campaign-photo-label = Tu foto (JPEG, PNG o WebP, hasta { $max_mib } MB)
campaign-preview-alt = Vista previa de la foto que elegiste
campaign-blur-legend = Oculta tu cara o lo que quieras (opcional)
campaign-blur-how = Dibuja un recuadro sobre lo que no debe verse: arrastra sobre la foto con el dedo o el ratón, o usa «Añadir un recuadro» y muévelo con las flechas (Mayús + flechas cambia su tamaño, Supr lo quita). Todo lo que quede dentro se convierte en cuadros grandes en todas las copias que guardamos, antes de que lo vea ningún moderador, y la foto tal como la enviaste se borra.
campaign-blur-limits = No oculta lo que queda fuera de los recuadros: tu ropa, tatuajes, el lugar detrás de ti o el nombre que pongas. Si eso pudiera identificarte, tápalo también o elige otra foto.
campaign-blur-add = Añadir un recuadro
campaign-name-label = Tu nombre, tal como puede aparecer en la galería (opcional)
campaign-country-label = País (opcional)
campaign-country-none = Prefiero no decirlo
campaign-caption-label = Pie de foto (opcional, hasta 280 caracteres)
campaign-send-button = Enviar mi foto
campaign-opens-from = Recibimos fotos a partir del { $when }.
campaign-closed-on = Esta campaña dejó de recibir fotos el { $when }.
counter-supporters = { $n ->
    [one] { $n } persona apoya
   *[other] { $n } personas apoyan
}
counter-supporters-countries = { $n ->
    [one] { $n } persona apoya
   *[other] { $n } personas apoyan
} desde { $countries ->
    [one] { $countries } país
   *[other] { $countries } países
}
moderation-note = Una persona revisa cada foto antes de mostrarla: hasta ahora { $shown } publicadas y { $hidden } no publicadas. Normalmente una foto se revisa en menos de { $wait }.
wait-minutes = { $n ->
    [one] { $n } minuto
   *[other] { $n } minutos
}
wait-hours = { $n ->
    [one] { $n } hora
   *[other] { $n } horas
}
wait-days = { $n ->
    [one] { $n } día
   *[other] { $n } días
}
consent-photo-standard = Acepto que esta campaña muestre mi foto, con el nombre, el país y el pie de foto que indique, en su galería pública una vez que un moderador la haya aprobado. Puedo retirarla cuando quiera con el enlace de mi recibo.
consent-entry-standard = Acepto que mi lema y mi nombre se publiquen si el lema queda en la lista de finalistas o gana. El jurado solo ve el lema, nunca quién lo escribió.

## La galería y el mosaico

gallery-title = Galería · { $title }
gallery-heading = { $title }: la galería
gallery-empty = Todavía no hay fotos.
gallery-photo-from = Foto de { $name }
gallery-photo-anonymous = La foto de una persona que apoya
gallery-more = Más fotos
gallery-caption-more = más
gallery-mosaic-link = Todas las fotos en una sola imagen
gallery-share-heading = Comparte la galería
gallery-share-label = La dirección de la galería
photo-back = Volver a la galería
photo-share-heading = Comparte esta foto
photo-share-label = La dirección de esta foto
mosaic-heading = { $title }: todas juntas
mosaic-how = Cada foto aprobada es un cuadrado. Toca o haz clic en un cuadrado para ver su foto; amplía con los dedos o con el zoom para mirar de cerca.
mosaic-how-logo = Cada foto aprobada es un cuadrado, colocado para que juntas dibujen el logo de la campaña. Toca o haz clic en un cuadrado para ver su foto; amplía con los dedos o con el zoom para mirar de cerca.
mosaic-alt = Un mosaico con las fotos de quienes apoyan
mosaic-none = El mosaico aparecerá aquí cuando se aprueben las primeras fotos.
mosaic-gallery-link = La galería, foto a foto
mosaic-keys = Con el teclado: vaya al mosaico, elija un cuadro con las flechas (Inicio y Fin para los extremos de una fila) y abra su foto con Intro.
mosaic-label = El mosaico: las flechas eligen un cuadro, Intro abre su foto

## Recibos, páginas de estado, retirar

receipt-title = Recibo
receipt-photo-heading = ¡Gracias! Hemos recibido tu foto.
receipt-slogan-heading = ¡Gracias! Hemos recibido tu lema.
receipt-photo-keep = Este es tu recibo. Guarda este enlace en favoritos: es la única forma de consultar tu foto o retirarla. Cualquiera que tenga el enlace puede hacer ambas cosas, así que no lo compartas.
receipt-slogan-keep = Este es tu recibo. Guarda este enlace en favoritos: es la única forma de consultar tu lema o retirarlo. Cualquiera que tenga el enlace puede hacer ambas cosas, así que no lo compartas.
status-photo-title = Tu foto
status-slogan-title = Tu lema
status-label = Estado:
status-check-again = Volver a comprobar
status-photo-alt = Tu foto
status-held-heading = Lo que guardamos sobre ti
status-received = recibida
status-processing = en preparación
status-pending-review = pendiente de revisión
status-approved = aprobada
status-rejected = rechazada
status-failed = fallida
held-name = Nombre
held-country = País
held-caption = Pie de foto
held-boxes = Recuadros ocultos
held-boxes-some = { $n } (pixelados en todas las copias que guardamos)
held-boxes-none = ninguno
held-email = Correo (se borra en el anuncio)
held-not-given = (no indicado)
held-agreed = Aceptaste
held-on = El
photo-received = Tenemos tu foto y la estamos preparando. Esta página se actualiza sola.
photo-pending = Tu foto está lista y espera a que un moderador la revise.
photo-approved = Tu foto está aprobada y aparece en la galería. ¡Gracias!
photo-rejected = Tu foto no se aprobó porque { $reason }. Puedes enviar otra.
entry-pending = Tu lema espera a que un moderador lo revise.
entry-approved = Tu lema está aprobado y en manos del jurado. ¡Mucha suerte!
entry-rejected = Tu lema no se aceptó porque { $reason }.
because-no-logo = no se veía el logo de la campaña
because-inappropriate = no era adecuada para la galería
because-duplicate = repite una foto que ya tenemos
because-poor-quality = la imagen no era lo bastante clara
because-privacy = podía poner en riesgo la privacidad de alguien
because-spam = no tenía que ver con esta campaña
because-other = de un motivo que anotaron los moderadores
failure-unreadable = No pudimos leer este archivo como una foto: puede estar dañado o incompleto. Prueba a enviarlo de nuevo, o envía otro.
failure-encode-failed = No pudimos hacer las copias pequeñas de esta foto que necesita la galería. Prueba a enviar otra.
failure-too-slow = Este archivo tarda muchísimo más en abrirse de lo normal en una foto, así que paramos. Envía la foto de nuevo como un JPEG normal (una captura de pantalla también sirve).
withdraw-photo-summary = Retirar mi foto
withdraw-slogan-summary = Retirar mi lema
withdraw-photo-warning = Al retirarla se borra tu foto y todo lo que nos contaste con ella. No se puede deshacer.
withdraw-slogan-warning = Al retirarlo se borra tu lema y todo lo que nos contaste con él. No se puede deshacer.
withdraw-photo-button = Retirar y borrar mi foto
withdraw-slogan-button = Retirar y borrar mi lema
withdrawn-title = Retirado
withdrawn-photo = Tu foto se ha retirado y borrado: ya no está en nuestro almacenamiento, ni tu nombre, país y pie de foto. Este enlace ya no funciona.
withdrawn-slogan = Tu lema se ha retirado y borrado: ya no está en nuestro almacenamiento, ni tu nombre y tu correo. Este enlace ya no funciona.

## La página de un concurso

contest-entries-close = Las participaciones se cierran el { $when }.
contest-announced-on = El lema ganador se anuncia el
contest-enter-heading = Participa con tu lema
contest-slogan-label = Tu lema (de 3 a 120 caracteres)
contest-author-label = Tu nombre, tal como se anunciaría
contest-email-label = Correo, si quieres que te contemos el resultado (opcional, nunca se muestra)
contest-enter-button = Enviar mi lema
contest-upcoming = Este concurso todavía no recibe participaciones.
contest-judging = Las participaciones están cerradas: el jurado está trabajando.
results-heading = Los resultados
results-announced-on = Anunciados el
results-winner = El lema ganador:
results-by = de { $name }
results-no-winner = No se eligió ningún lema.
results-shortlist = También en la lista de finalistas
results-fingerprint = Los resultados quedaron fijados en el anuncio. Su huella (el SHA-256 del manifiesto):
results-entries = { $n ->
    [one] Elegido entre { $n } lema aprobado.
   *[other] Elegido entre { $n } lemas aprobados.
}
results-verify = Cualquiera puede comprobarlos: el manifiesto recoge cada participación y cada puntuación (sin nombres del jurado), y su SHA-256 es esta huella. Abre el
results-manifest = manifiesto
results-pending = Los resultados se están publicando. Esta página los mostrará en un momento.

## Qué salió mal, por código de error

notice-error-title = Algo salió mal
notice-not-found-title = No encontrado
notice-failed-title = No ha funcionado
error-consent-required = Marca la casilla de consentimiento: solo podemos mostrar tu foto o tu lema con tu permiso.
error-invalid-field = Hay algo en el formulario que conviene revisar.
error-payload-too-large = Esta foto es demasiado grande para enviarla. Elige una de menos de { $max_mib } MB, o una copia más pequeña.
error-request-timeout = La foto dejó de llegar antes de completarse: puede que se cortara la conexión. Inténtalo de nuevo.
error-unsupported-media-type = Solo aceptamos fotos JPEG, PNG o WebP. Elige otro archivo.
error-invalid-image = No pudimos leer esta foto: el archivo puede estar dañado o incompleto. Prueba con otra.
error-image-too-large = Esta foto tiene demasiados píxeles para nosotros. Envía una copia más pequeña.
error-image-too-small = Esta foto es demasiado pequeña para verse bien. Elige una de al menos { $min_side } píxeles en su lado más corto.
error-submissions-closed = Esta campaña no recibe fotos en este momento.
error-entries-closed = Este concurso ya no recibe participaciones.
error-invalid-slogan = Un lema debe tener entre 3 y 120 caracteres.
error-duplicate-entry = Alguien ya envió este lema. Prueba a decirlo con tus propias palabras.
error-rate-limited = Demasiados intentos desde tu conexión en poco tiempo. Espera un minuto y vuelve a intentarlo.
error-not-found = No encontramos esta página. Puede que el enlace esté mal escrito o que la foto o el lema se hayan retirado.
error-unauthenticated = Este enlace no está completo: usa el enlace entero de tu recibo.
error-internal-error = Algo falló por nuestra parte. No se guardó nada; vuelve a intentarlo en un momento.
error-unavailable = Placard está ocupado o en mantenimiento. No se guardó nada; vuelve a intentarlo en unos minutos.
error-invalid-query = El enlace de esta página no es válido.

## Equipo: entrar, la barra de las páginas del equipo

signin-heading = Entrar
signin-moderate = Entra para moderar
signin-judge = Entra para evaluar
signin-admin = Entra para gestionar campañas
signin-token = Token del equipo
signin-button = Entrar
signin-hint = Al entrar se abre una sesión en este sitio durante 12 horas; tu token no se guarda en el navegador. Al salir se cierra la sesión.
signin-expired = Este formulario ha caducado o no viene de este sitio. Vuelve a escribir tu token.
signin-unknown = No reconocemos ese token. Revísalo y vuelve a intentarlo.
signin-wrong-role = Has entrado, pero tu cuenta no tiene este papel. Entra con otro token.
staff-signed-in-as = Has entrado como
staff-sign-out = Salir
staff-shortcuts-on = Atajos de teclado (una sola tecla)

## Moderación

moderate-title = Moderación
moderate-review = Revisar
moderate-photos-of = Fotos: { $title }
moderate-slogans-of = Lemas: { $title }
moderate-mode = Modo
moderate-options = Opciones
moderate-filter = Mostrar
moderate-filter-pending = Pendientes de revisión
moderate-filter-flagged = Solo marcadas: duplicadas y casi duplicadas
moderate-filter-approved = Aprobadas
moderate-filter-rejected = Rechazadas
moderate-mode-one = Una a una
moderate-mode-grid = Cuadrícula (elegir varias)
moderate-blur = Difuminar las fotos hasta que toque una o pulse V
moderate-logo-alt = El logo de la campaña
moderate-logo-caption = El logo que hay que buscar
moderate-decision = Decisión
moderate-approve = Aprobar
moderate-reject = Rechazar…
moderate-skip = Saltar
moderate-previous = Anterior
moderate-undo = Deshacer
moderate-zoom = Ampliar
moderate-sitting-reset = Empezar una nueva sesión
moderate-under-review = Foto en revisión
moderate-current-alt = La foto que hay que revisar
moderate-related-alt = La foto anterior a la que se parece
moderate-grid-label = Fotos pendientes de revisión
moderate-bulk-approve = Aprobar las elegidas
moderate-reason = Motivo
moderate-bulk-reject = Rechazar las elegidas
moderate-entries-label = Lemas pendientes de revisión
moderate-reasons-label = Motivos de rechazo
moderate-reject-because = Rechazar porque…
moderate-cancel = Cancelar
reason-no-logo = No se ve el logo
reason-inappropriate = Inadecuada
reason-duplicate = Repetida
reason-poor-quality = Mala calidad
reason-privacy = Riesgo para la privacidad
reason-spam = Spam
reason-other = Otro
keys-heading = Teclas
keys-approve = aprobar
keys-reject = rechazar, con el motivo
keys-undo = deshacer la última decisión
keys-zoom = ampliar al original y volver
keys-reveal = mostrar la foto o volver a difuminarla (si las fotos están difuminadas)
keys-next = siguiente (saltar)
keys-previous = anterior (listas)
keys-select = elegir (cuadrícula)

## Evaluación

judge-title = Evaluación
judge-contest = Concurso
judge-blind = Los lemas se muestran sin sus autores.
judge-keys = Teclas: J y K para moverse, 1 a 9 para puntuar, 0 puntúa 10.
judge-ranking = Clasificación
judge-show-ranking = Ver la clasificación
judge-pin = Fijar los lemas marcados como finalistas
judge-state-upcoming = Los lemas se reciben a partir del { $opens }. La evaluación termina con el anuncio, el { $announce }.
judge-state-open = Se reciben lemas hasta el { $closes }. La evaluación termina con el anuncio, el { $announce }.
judge-state-judging = Ya no se reciben lemas. La evaluación termina con el anuncio, el { $announce }.
judge-state-announced = Anunciado el { $announced }. Las puntuaciones son definitivas: esta página es solo de lectura.
judge-calibration = Cómo se comparan las puntuaciones: las de cada miembro del jurado se miden desde su propia media (0), en pasos de su dispersión habitual, para que quien puntúa duro y quien puntúa alto cuenten igual.
judge-ranking-wait = La clasificación se abre cuando hayas puntuado todos los lemas, para que las puntuaciones de los demás no influyan en las tuyas.
judge-ranking-chair = Como administración presides el jurado: puedes abrir la clasificación en cualquier momento.
judge-pin-hint = Marca lemas y fíjalos para elegir a mano la lista de finalistas.
judge-unpin = Desfijar: volver a la lista automática

## Las páginas de gestión

admin-nav = Gestión de campañas
admin-dashboard = Panel
admin-new-campaign = Nueva campaña
admin-new-contest = Nuevo concurso
admin-staff = Equipo
admin-failed-jobs = Tareas fallidas
admin-moderate = Moderar
admin-state = Estado:
admin-public-page = página pública
admin-saved = Guardado.
admin-save = Guardar cambios
admin-stale-campaign = Otra persona guardó esta campaña mientras la editabas. Tus cambios están abajo: recarga la página para ver los suyos y vuelve a hacer los tuyos.
admin-stale-contest = Otra persona guardó este concurso mientras lo editabas: recarga la página y vuelve a hacer tu cambio.
admin-date-format = Indica una fecha y una hora, por ejemplo 2027-06-26 09:00.
state-upcoming = próxima
state-open = abierta
state-closed = cerrada
state-judging = en evaluación
state-announced = anunciado
dashboard-dead-jobs = { $n ->
    [one] { $n } tarea fallida necesita revisión.
   *[other] { $n } tareas fallidas necesitan revisión.
}
dashboard-no-campaign = Todavía no hay campañas.
dashboard-create-first = Crea la primera
dashboard-no-contest = Todavía no hay concursos.
dashboard-create-contest = Crea uno
col-campaign = Campaña
col-contest = Concurso
col-state = Estado
col-waiting = En espera
col-oldest = La más antigua
col-approved = Aprobadas
col-rejected = Rechazadas
col-processing = En preparación
col-failed = Fallidas
campaign-new = Nueva campaña
campaign-create = Crear campaña
campaign-closes-on = cierra el { $when }
campaign-exports = Fotos aprobadas:
campaign-export-csv = descargar en CSV
campaign-export-zip = descargar con las fotos (ZIP)
campaign-export-gallery = galería
campaign-close-now = Cerrar ahora: dejar de recibir fotos
campaign-texts = Textos
campaign-slug-label = Dirección web: /c/…
campaign-slug-hint = De 2 a 64 letras minúsculas, cifras y guiones sueltos, por ejemplo support-dont-punish. No se puede cambiar después.
field-title = Título
field-description = Descripción
campaign-consent-label = Lo que aceptan quienes participan
campaign-consent-hint = Si se deja vacío: «{ $standard }» Un texto cambiado es una versión nueva; las fotos ya enviadas conservan la que aceptaron.
campaign-when = Cuándo recibe fotos (horas en UTC)
campaign-opens-label = Abre (UTC; vacío: en seguida)
campaign-closes-label = Cierra (UTC; vacío: nunca)
campaign-languages = Idiomas
campaign-languages-hint = Las páginas hablan el idioma de cada visitante entre los marcados. Los títulos, descripciones y textos de consentimiento vacíos en un idioma muestran los de arriba (el texto de consentimiento propio de Placard está traducido).
campaign-language-used = Las páginas pueden hablar
campaign-language-default = Idioma por defecto
campaign-embedding = Inserción y conservación
campaign-frame-label = Sitios que pueden insertar el formulario (un origen por línea, https://host[:puerto])
campaign-rejected-days = Borrar una foto rechazada este número de días después de la decisión
campaign-originals-days = Borrar los originales aprobados este número de días después del cierre (vacío: conservarlos)
campaign-webhooks-hint = Los webhooks se configuran por la API, para que sus secretos nunca aparezcan en una página:
campaign-care = Moderación y privacidad
campaign-blur-previews = Difuminar las fotos en la pantalla de moderación hasta que quien modera decida mirarlas
campaign-blur-previews-hint = Para campañas con fotos que pueden ser difíciles de ver: cada foto se muestra con un toque, una tecla o el foco del teclado, nunca al pasar el puntero por encima.
campaign-pause-after = Sugerir una pausa tras este número de fotos en una sesión
campaign-pause-after-hint = 0: nunca. Unas 200 fotos son una hora a buen ritmo.
campaign-privacy-url = Aviso de privacidad de tu organización (dirección https://)
campaign-privacy-url-hint = Se enlaza desde el panel de privacidad de la página de la campaña. Déjalo vacío si no hay.
logo-heading = Logo
logo-none = Todavía no hay logo. Los moderadores comparan las fotos con él.
logo-new-label = Un logo nuevo (JPEG, PNG o WebP; se le quitan los metadatos)
logo-upload = Subir el logo
logo-not-changed = El logo no cambió: { $why }
contest-new = Nuevo concurso de lemas
contest-create = Crear concurso
contest-announced-locked = El ganador ya se anunció: el concurso ya no se puede cambiar.
contest-slug-label = Dirección web: /k/…
contest-timeline = Calendario (horas en UTC)
contest-opens-label = Se abren las participaciones (UTC; vacío: en seguida)
contest-closes-label = Se cierran las participaciones (UTC)
contest-announce-label = Anuncio del ganador (UTC)
contest-shortlist-label = Número de finalistas
staff-heading = Cuentas del equipo
staff-new-token-for = Token nuevo para { $name }
staff-token-for = Token para { $name }
staff-token-give = Dáselo a { $name } por un canal seguro. Se muestra solo esta vez: Placard guarda únicamente su huella.
staff-token-old-gone = El token anterior y todas las sesiones abiertas con él dejan de funcionar.
staff-token = Token
staff-copy = Copiar
staff-col-name = Nombre
staff-col-role = Papel
staff-col-campaigns = Campañas
staff-col-last-seen = Última visita
staff-col-actions = Acciones
staff-since = desde el { $when }
staff-all-campaigns = todas
staff-change = Cambiar
staff-save-campaigns = Guardar campañas
staff-revoked-on = revocada el { $when }
staff-new-token = Token nuevo
staff-revoke = Revocar
staff-revoke-label = Revocar a { $name }
staff-add = Añadir a alguien
staff-name-label = Nombre (aparece en el registro de auditoría)
staff-name-taken = Ese nombre ya existe: elige otro.
staff-role-moderator = Moderación: revisa fotos y lemas
staff-role-judge = Jurado: puntúa lemas, a ciegas
staff-role-admin = Administración: gestiona campañas y equipo
staff-scope-legend = Campañas que puede revisar (ninguna marcada: todas)
staff-create = Crear la cuenta
staff-never = nunca
role-moderator = moderación
role-judge = jurado
role-admin = administración
jobs-retried = De nuevo en cola: se ejecuta en unos instantes.
jobs-none = No hay tareas fallidas. Aquí aparece, con su error, el trabajo que falla definitivamente tras sus reintentos.
jobs-col-job = Tarea
jobs-col-failed = Falló
jobs-col-attempts = Intentos
jobs-col-error = Último error
jobs-col-action = Acción
jobs-retry = Reintentar
jobs-retry-label = Reintentar { $job }

## El script de las páginas

js-blur-count = { $n ->
    [one] { $n } recuadro: se pixelará.
   *[other] { $n } recuadros: se pixelarán.
}
js-blur-box = Recuadro { $n }: las flechas lo mueven, Mayús + flechas cambia su tamaño, Supr lo quita
js-blur-remove = Quitar el recuadro { $n }
js-sending = Enviando… { $pct } %
js-checking = Comprobando tu foto…
js-connection-lost = Se perdió la conexión durante el envío. Revísala y vuelve a intentarlo.
js-countdown-now = (ahora: se están publicando los resultados)
js-countdown-in = (dentro de { $left })
js-days = { $n ->
    [one] { $n } día
   *[other] { $n } días
}
js-hours = { $n } h
js-minutes = { $n } min
js-seconds = { $n } s
js-session-ended = Tu sesión terminó. Vuelve a entrar para seguir.
js-no-caption = Sin pie de foto ni nombre.
js-photo-alt = Foto: { $what }
js-reject-prompt = Rechazar: elige el motivo (o pulsa su número). Esc cancela.
js-not-rejected = No rechazada.
js-queue-done = No queda nada por revisar aquí. ¡Buen trabajo!
js-queue-left = { $n ->
    [one] Queda { $n }
   *[other] Quedan { $n }
}
js-queue-oldest = el más antiguo se envió hace { $age }
js-queue-held = { $n } en manos de otros moderadores
js-sent-ago = Enviada hace { $age }
js-entries-end = { $n ->
    [one] Fin de la lista: { $n } lema, { $left } por decidir.
   *[other] Fin de la lista: { $n } lemas, { $left } por decidir.
}
js-sitting-count = { $n ->
    [one] { $n } revisada en esta sesión.
   *[other] { $n } revisadas en esta sesión.
}
js-pause-suggested = Llevas { $n } revisadas en esta sesión. Una pausa corta ayuda a decidir bien: la cola esperará.
js-skipped-back = De vuelta a las fotos que saltaste.
js-nothing-to-moderate = Todavía no hay nada que moderar.
js-flag-duplicate = Repetida: el mismo archivo que una foto anterior (al lado).
js-flag-near-duplicate = Casi igual que una foto anterior (distancia { $distance }, al lado).
js-flag-duplicate-short = repetida
js-flag-near-duplicate-short = casi igual
js-earlier-photo = Foto anterior, { $status }
js-state-received = recibida
js-state-processing = en preparación
js-state-pending-review = pendiente de revisión
js-state-approved = aprobada
js-state-rejected = rechazada
js-state-failed = fallida
js-approved = Aprobada. U deshace.
js-rejected = Rechazada ({ $reason }). U deshace.
js-bulk-approved = Aprobadas { $ok } de { $all }. U deshace.
js-bulk-rejected = Rechazadas { $ok } de { $all }. U deshace.
js-undo-nothing = No hay nada que deshacer.
js-undone = Deshecho: de vuelta en la cola.
js-scored-progress = { $n } de { $all } puntuados
js-score = Puntuación
js-scored = Puntuado con { $score }.
js-no-contest = Todavía no hay ningún concurso que evaluar.
js-no-slogans = Todavía no hay lemas aprobados que evaluar.
js-shortlist-aria = En la lista de finalistas: { $slogan }
js-on-shortlist = en la lista de finalistas
js-pinned = { $n ->
    [one] Finalistas fijados: { $n } lema.
   *[other] Finalistas fijados: { $n } lemas.
}
js-shortlist-auto = Finalistas: automáticos, los { $size } primeros de la clasificación.
js-shortlist-pinned = Finalistas: fijados a mano. Fijados: { $n }; el concurso pide { $size }.
js-unpinned = Desfijado: los finalistas vuelven a ser los { $size } primeros de la clasificación.
js-ranking-meta = Puntuación { $score } · jurado: { $judges }
js-read-only = Anunciado: las puntuaciones ya no se pueden cambiar.
js-copied = Copiado.
js-copy-by-hand = Selecciona el texto y cópialo.
js-opening-photo = Abriendo la foto…
js-step-aside = Conozco a quien lo escribió: me aparto
js-step-aside-confirm = Pulse otra vez para apartarse: su puntuación no contará
js-stepped-aside = Se apartó: ese lema ya no está en su lista y su puntuación no cuenta.
js-mosaic-square = Cuadro { $n } de { $total }, fila { $row }, columna { $col }: Intro abre su foto.
js-shortcuts-off = Los atajos de teclado están desactivados: usa los botones.

## Privacidad y recibo

campaign-logo-alt = El logo de la campaña, para sostenerlo en tu foto
campaign-photo-hint = En el móvil puedes hacer la foto ahora o elegir una que ya tengas.
receipt-link-label = El enlace de tu recibo
receipt-open-status = Abrir mi página de estado
receipt-bookmark-hint = Guarda la página de estado en favoritos o copia el enlace en un lugar seguro: no podemos volver a enviártelo.
privacy-heading = Tu privacidad
privacy-removed = Antes de guardar tu foto le quitamos la ubicación, los datos de la cámara y cualquier otro dato oculto.
privacy-who = Los moderadores ven tu foto y lo que escribiste, para revisarlo. Una vez aprobada, cualquiera puede ver copias pequeñas en la galería, con tu nombre, país y pie de foto si los diste. El equipo de la campaña puede descargar las fotos aprobadas.
privacy-rejected-kept = { $days ->
    [0] Una foto que no se aprueba se borra en seguida.
    [one] Una foto que no se aprueba se borra { $days } día después de la decisión.
   *[other] Una foto que no se aprueba se borra { $days } días después de la decisión.
}
privacy-originals-kept = { $days ->
    [0] El original de una foto aprobada se borra al cerrar la campaña.
    [one] El original de una foto aprobada se borra { $days } día después del cierre de la campaña.
   *[other] El original de una foto aprobada se borra { $days } días después del cierre de la campaña.
}
privacy-originals-campaign = La campaña conserva las fotos aprobadas hasta que las borre, o hasta que retires la tuya.
privacy-address = Tu dirección de internet no se guarda con tu foto. Para evitar que una conexión envíe demasiado, solo se guarda una huella cifrada de ella, como mucho un día.
privacy-withdraw = Puedes retirar tu foto cuando quieras con el enlace de tu recibo: entonces se borra, con todo lo que escribiste.
privacy-at-risk = Si que te reconozcan puede ponerte en riesgo: tápate la cara (dibuja un recuadro encima), evita lugares, tatuajes o ropa reconocibles y deja el nombre vacío.
privacy-operator-notice = El aviso de privacidad de la campaña
withdrawn-home = Ir a la portada

## Juicio por pares e informe del jurado
judge-pair-heading = ¿Qué lema es mejor?
judge-pair-keys = Teclas: ← elige el lema de la izquierda, → el de la derecha, S salta el par.
judge-pair-skip = Saltar: no puedo elegir
judge-step-aside = Conozco al autor: me aparto
contest-judging-mode-label = Cómo juzga el jurado
contest-judging-mode-scores = Puntuaciones: cada jurado puntúa cada lema del 1 al 10
contest-judging-mode-pairwise = Por pares: el jurado elige el mejor de dos lemas
contest-judging-mode-hint = Queda fijo cuando se cierran las participaciones o alguien del jurado ya ha juzgado.
contest-min-judgements-label = Juicios que debería tener cada lema
judges-title = Informe del jurado
judges-judges = Jurado
judges-none = Todavía no hay jurado.
judges-col-judge = Jurado
judges-col-scored = Puntuados
judges-col-compared = Comparaciones
judges-col-leniency = Generosidad
judges-col-reliability = Fiabilidad
judges-col-agreement = Acuerdo
judges-explain-scores = Generosidad: cuánto más alto que los demás puntúa esta persona los mismos lemas, en pasos de la dispersión habitual (0: como los demás). Acuerdo: cuánto sigue su orden la clasificación de los demás, de −1 (al revés) a 1 (igual).
judges-explain-pairwise = Fiabilidad: con qué frecuencia sus elecciones encajan con la clasificación (0,5: como lanzar una moneda). Acuerdo: con qué frecuencia eligió como lo haría la clasificación de los demás, de −1 (siempre en contra) a 1 (siempre a favor).
judges-under = Lemas con menos de { $min } juicios
judges-all-covered = Todos los lemas tienen suficientes juicios.
judges-judgements = { $n ->
    [one] { $n } juicio
   *[other] { $n } juicios
}
judges-covered = Todos los lemas tienen suficientes juicios.
judges-on-pace = A buen ritmo: faltan { $needed } juicios, { $per_hour } por hora, quedan { $hours } horas.
judges-behind = Con retraso: faltan { $needed } juicios pero solo van { $per_hour } por hora y quedan { $hours } horas. Pida más al jurado o sume personas.
judges-announced = El concurso está anunciado: el juicio ha terminado.
js-compared-progress = { $n } comparados en esta sesión
js-pairs-done = Ha comparado todos los pares que puede. Gracias.
js-preferred = Registrado: «{ $slogan }» es el mejor.
js-pair-skipped = Saltado: ese par no volverá.
js-step-aside-confirm-pair = Pulse otra vez para apartarse: sus comparaciones con ese lema no contarán
js-stepped-aside-pair = Se apartó: ese lema no se le mostrará más y sus comparaciones con él no cuentan.
js-score-interval = { $score } (95 %: de { $low } a { $high })
js-pairwise-method = Cómo las comparaciones se vuelven clasificación: un ajuste de Bradley–Terry sobre todas las elecciones da a cada lema una puntuación y un intervalo del 95 %; quien elige a menudo contra el resto cuenta menos.
