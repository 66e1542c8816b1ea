# Placard em português (do Brasil). As mesmas chaves e variáveis de en.ftl (um teste confere).

## Todas as páginas

skip-to-content = Ir para o conteúdo
languages-nav = Idioma
footer-free-software = O Placard é software livre sob a GNU AGPL:
footer-source = o seu código-fonte
back = Voltar
add-your-photo = Envie sua foto

## Datas e números

month-1 = janeiro
month-2 = fevereiro
month-3 = março
month-4 = abril
month-5 = maio
month-6 = junho
month-7 = julho
month-8 = agosto
month-9 = setembro
month-10 = outubro
month-11 = novembro
month-12 = dezembro
date-day = { $day } de { $month } de { $year }
date-time = { $day } de { $month } de { $year }, { $time } UTC
age-seconds = { $n } s
age-minutes = { $n } min
age-hours = { $n } h
age-days = { $n ->
    [one] { $n } dia
   *[other] { $n } dias
}

## A página inicial

home-title = Campanhas
home-fresh-heading = Ainda não há nada aqui
home-fresh-intro = Este Placard ainda não tem campanhas nem concursos. Para começar:
home-fresh-step-account = No servidor, crie uma conta para você:
home-fresh-step-token = O comando mostra seu token uma única vez: guarde-o em um lugar seguro.
home-fresh-step-sign-in = Depois entre com esse token e crie sua primeira campanha:
home-campaigns = Petições com fotos
home-no-campaigns = Nenhuma petição está recebendo fotos agora.
home-contests = Concursos de lemas
home-staff-run = Equipe: gerenciar uma campanha
home-staff-moderate = moderar
home-staff-judge = avaliar
home-opens = Abre em { $when }
home-open-until = Aberta até { $when }
home-open = Aberta
home-entries-from = Inscrições a partir de { $when }
home-opening-soon = Abre em breve
home-entries-until = Inscrições até { $when }
home-winner-on = Vencedor anunciado em { $when }
home-winner = Vencedor anunciado

## A página de uma campanha

campaign-see-gallery = Veja a galeria de fotos
campaign-see-mosaic = todas juntas
campaign-send-heading = Envie sua foto
campaign-send-intro = Tire uma foto sua segurando o logo da campanha e envie aqui. Antes que alguém a veja, removemos a localização, os dados da câmera e qualquer outro dado escondido.
campaign-photo-label = Sua foto (JPEG, PNG ou WebP, até { $max_mib } MB)
campaign-preview-alt = Prévia da foto escolhida
campaign-blur-legend = Esconda seu rosto ou outra coisa (opcional)
campaign-blur-how = Desenhe um quadro sobre o que não deve aparecer: arraste na foto com o dedo ou o mouse, ou use “Adicionar um quadro” e mova-o com as setas (Shift + setas muda o tamanho, Delete o remove). Tudo o que estiver dentro de um quadro vira quadrados grandes em todas as cópias que guardamos, antes que qualquer moderador veja, e a foto como você enviou é apagada.
campaign-blur-limits = Isso não esconde o que está fora dos quadros: sua roupa, tatuagens, o lugar atrás de você ou o nome que você der. Se isso puder identificar você, cubra também ou escolha outra foto.
campaign-blur-add = Adicionar um quadro
campaign-name-label = Seu nome, como pode aparecer na galeria (opcional)
campaign-country-label = País (opcional)
campaign-country-none = Prefiro não dizer
campaign-caption-label = Legenda (opcional, até 280 caracteres)
campaign-send-button = Enviar minha foto
campaign-opens-from = Recebemos fotos a partir de { $when }.
campaign-closed-on = Esta campanha parou de receber fotos em { $when }.
counter-supporters = { $n ->
    [one] { $n } apoiador
   *[other] { $n } apoiadores
}
counter-supporters-countries = { $n ->
    [one] { $n } apoiador
   *[other] { $n } apoiadores
} de { $countries ->
    [one] { $countries } país
   *[other] { $countries } países
}
moderation-note = Uma pessoa confere cada foto antes de publicá-la: até agora, { $shown } publicadas e { $hidden } não publicadas. Uma foto costuma ser conferida em menos de { $wait }.
wait-minutes = { $n ->
    [one] { $n } minuto
   *[other] { $n } minutos
}
wait-hours = { $n ->
    [one] { $n } hora
   *[other] { $n } horas
}
wait-days = { $n ->
    [one] { $n } dia
   *[other] { $n } dias
}
consent-photo-standard = Concordo que esta campanha mostre minha foto, com o nome, o país e a legenda que eu informar, na sua galeria pública depois que um moderador a aprovar. Posso retirá-la a qualquer momento com o link do meu recibo.
consent-entry-standard = Concordo que meu lema e meu nome sejam publicados se ele for finalista ou vencer. O júri vê apenas o lema, nunca quem o escreveu.

## A galeria e o mosaico

gallery-title = Galeria · { $title }
gallery-heading = { $title }: a galeria
gallery-empty = Ainda não há fotos.
gallery-photo-from = Foto de { $name }
gallery-photo-anonymous = A foto de um apoiador
gallery-more = Mais fotos
gallery-caption-more = mais
gallery-mosaic-link = Todas as fotos em uma só imagem
gallery-share-heading = Compartilhe a galeria
gallery-share-label = O endereço da galeria
photo-back = Voltar à galeria
photo-share-heading = Compartilhe esta foto
photo-share-label = O endereço desta foto
mosaic-heading = { $title }: todas juntas
mosaic-how = Cada foto aprovada é um quadrado. Toque ou clique em um quadrado para ver a foto; use o zoom para olhar de perto.
mosaic-how-logo = Cada foto aprovada é um quadrado, colocado para que juntas formem o logo da campanha. Toque ou clique em um quadrado para ver a foto; use o zoom para olhar de perto.
mosaic-alt = Um mosaico com as fotos dos apoiadores
mosaic-none = O mosaico aparece aqui assim que as primeiras fotos forem aprovadas.
mosaic-gallery-link = A galeria, foto por foto
mosaic-keys = Pelo teclado: vá até o mosaico, escolha um quadrado com as setas (Home e End para as pontas de uma linha) e abra a foto com Enter.
mosaic-label = O mosaico: as setas escolhem um quadrado, Enter abre a foto

## Recibos, páginas de situação, retirar

receipt-title = Recibo
receipt-photo-heading = Obrigado! Recebemos sua foto.
receipt-slogan-heading = Obrigado! Recebemos seu lema.
receipt-photo-keep = Este é o seu recibo. Salve este link nos favoritos: é a única forma de acompanhar sua foto ou retirá-la. Qualquer pessoa com o link pode fazer as duas coisas, então guarde-o só para você.
receipt-slogan-keep = Este é o seu recibo. Salve este link nos favoritos: é a única forma de acompanhar seu lema ou retirá-lo. Qualquer pessoa com o link pode fazer as duas coisas, então guarde-o só para você.
status-photo-title = Sua foto
status-slogan-title = Seu lema
status-label = Situação:
status-check-again = Verificar de novo
status-photo-alt = Sua foto
status-held-heading = O que guardamos sobre você
status-received = recebida
status-processing = em preparação
status-pending-review = aguardando revisão
status-approved = aprovada
status-rejected = recusada
status-failed = com falha
held-name = Nome
held-country = País
held-caption = Legenda
held-boxes = Quadros escondidos
held-boxes-some = { $n } (pixelados em todas as cópias que guardamos)
held-boxes-none = nenhum
held-email = E-mail (apagado no anúncio)
held-not-given = (não informado)
held-agreed = Você concordou com
held-on = Em
photo-received = Recebemos sua foto e estamos preparando. Esta página se atualiza sozinha.
photo-pending = Sua foto está pronta e aguarda a revisão de um moderador.
photo-approved = Sua foto foi aprovada e está na galeria. Obrigado!
photo-rejected = Sua foto não foi aprovada porque { $reason }. Você pode enviar outra.
entry-pending = Seu lema aguarda a revisão de um moderador.
entry-approved = Seu lema foi aprovado e está nas mãos do júri. Boa sorte!
entry-rejected = Seu lema não foi aceito porque { $reason }.
because-no-logo = não dava para ver o logo da campanha
because-inappropriate = não era adequada para a galeria
because-duplicate = repete uma foto que já temos
because-poor-quality = a imagem não estava nítida o bastante
because-privacy = poderia pôr em risco a privacidade de alguém
because-spam = não tinha a ver com esta campanha
because-other = de um motivo anotado pelos moderadores
failure-unreadable = Não conseguimos ler este arquivo como foto: ele pode estar danificado ou incompleto. Tente enviá-lo de novo ou envie outro.
failure-encode-failed = Não conseguimos fazer as cópias pequenas desta foto de que a galeria precisa. Tente enviar outra.
failure-too-slow = Este arquivo demora muito mais para abrir do que uma foto comum, então paramos. Envie a foto de novo como um JPEG comum (um print da tela também serve).
withdraw-photo-summary = Retirar minha foto
withdraw-slogan-summary = Retirar meu lema
withdraw-photo-warning = Retirar apaga sua foto e tudo o que você nos contou junto com ela. Não dá para desfazer.
withdraw-slogan-warning = Retirar apaga seu lema e tudo o que você nos contou junto com ele. Não dá para desfazer.
withdraw-photo-button = Retirar e apagar minha foto
withdraw-slogan-button = Retirar e apagar meu lema
withdrawn-title = Retirado
withdrawn-photo = Sua foto foi retirada e apagada: não está mais no nosso armazenamento, nem seu nome, país e legenda. Este link não funciona mais.
withdrawn-slogan = Seu lema foi retirado e apagado: não está mais no nosso armazenamento, nem seu nome e e-mail. Este link não funciona mais.

## A página de um concurso

contest-entries-close = As inscrições terminam em { $when }.
contest-announced-on = O lema vencedor será anunciado em
contest-enter-heading = Inscreva seu lema
contest-slogan-label = Seu lema (de 3 a 120 caracteres)
contest-author-label = Seu nome, como seria anunciado
contest-email-label = E-mail, se quiser saber o resultado (opcional, nunca é mostrado)
contest-enter-button = Enviar meu lema
contest-upcoming = Este concurso ainda não está recebendo inscrições.
contest-judging = As inscrições terminaram: o júri está trabalhando.
results-heading = Os resultados
results-announced-on = Anunciados em
results-winner = O lema vencedor:
results-by = de { $name }
results-no-winner = Nenhum lema foi escolhido.
results-shortlist = Também entre os finalistas
results-fingerprint = Os resultados foram congelados no anúncio. A impressão digital deles (o SHA-256 do manifesto):
results-entries = { $n ->
    [one] Escolhido entre { $n } lema aprovado.
   *[other] Escolhido entre { $n } lemas aprovados.
}
results-verify = Qualquer pessoa pode conferi-los: o manifesto lista cada inscrição e cada nota (sem nomes de jurados), e o SHA-256 dele é esta impressão digital. Abra o
results-manifest = manifesto
results-pending = Os resultados estão sendo publicados. Esta página vai mostrá-los em instantes.

## O que deu errado, por código de erro

notice-error-title = Algo deu errado
notice-not-found-title = Não encontrado
notice-failed-title = Não funcionou
error-consent-required = Marque a caixa de consentimento: só podemos mostrar sua foto ou seu lema com a sua permissão.
error-invalid-field = Algo no formulário precisa ser revisto.
error-payload-too-large = Esta foto é grande demais para enviar. Escolha uma com menos de { $max_mib } MB, ou uma cópia menor.
error-request-timeout = A foto parou de chegar antes de terminar: a conexão pode ter caído. Tente de novo.
error-unsupported-media-type = Só aceitamos fotos JPEG, PNG ou WebP. Escolha outro arquivo.
error-invalid-image = Não conseguimos ler esta foto: o arquivo pode estar danificado ou incompleto. Tente outra.
error-image-too-large = Esta foto tem pixels demais para nós. Envie uma cópia menor.
error-image-too-small = Esta foto é pequena demais para ser bem vista. Escolha uma com pelo menos { $min_side } pixels no lado menor.
error-submissions-closed = Esta campanha não está recebendo fotos no momento.
error-entries-closed = Este concurso não está mais recebendo inscrições.
error-invalid-slogan = Um lema precisa ter entre 3 e 120 caracteres.
error-duplicate-entry = Alguém já inscreveu este lema. Tente dizê-lo com suas próprias palavras.
error-rate-limited = Tentativas demais da sua conexão em pouco tempo. Espere um minuto e tente de novo.
error-not-found = Não encontramos esta página. O link pode estar digitado errado, ou a foto ou o lema foi retirado.
error-unauthenticated = Este link está incompleto: use o link inteiro do seu recibo.
error-internal-error = Algo deu errado do nosso lado. Nada foi salvo; tente de novo em instantes.
error-unavailable = O Placard está sobrecarregado ou em manutenção. Nada foi salvo; tente de novo em alguns minutos.
error-invalid-query = O link desta página não é válido.

## Equipe: entrar, a barra das páginas da equipe

signin-heading = Entrar
signin-moderate = Entre para moderar
signin-judge = Entre para avaliar
signin-admin = Entre para gerenciar campanhas
signin-token = Token da equipe
signin-button = Entrar
signin-hint = Entrar abre uma sessão neste site por 12 horas; seu token não fica guardado no navegador. Sair encerra a sessão.
signin-expired = Este formulário expirou ou não veio deste site. Digite seu token de novo.
signin-unknown = Não reconhecemos esse token. Confira e tente de novo.
signin-wrong-role = Você entrou, mas sua conta não tem esta função. Entre com outro token.
staff-signed-in-as = Conectado como
staff-sign-out = Sair
staff-shortcuts-on = Atalhos de teclado (uma tecla só)

## Moderação

moderate-title = Moderação
moderate-review = Revisar
moderate-photos-of = Fotos: { $title }
moderate-slogans-of = Lemas: { $title }
moderate-mode = Modo
moderate-options = Opções
moderate-filter = Mostrar
moderate-filter-pending = Aguardando revisão
moderate-filter-flagged = Só as marcadas: duplicadas e quase duplicadas
moderate-filter-approved = Aprovadas
moderate-filter-rejected = Rejeitadas
moderate-mode-one = Uma de cada vez
moderate-mode-grid = Grade (escolher várias)
moderate-blur = Desfocar as fotos até eu tocar em uma ou apertar V
moderate-logo-alt = O logo da campanha
moderate-logo-caption = O logo a procurar
moderate-decision = Decisão
moderate-approve = Aprovar
moderate-reject = Recusar…
moderate-skip = Pular
moderate-previous = Anterior
moderate-undo = Desfazer
moderate-zoom = Ampliar
moderate-sitting-reset = Começar uma nova sessão
moderate-under-review = Foto em revisão
moderate-current-alt = A foto a revisar
moderate-related-alt = A foto anterior com que se parece
moderate-grid-label = Fotos aguardando revisão
moderate-bulk-approve = Aprovar as escolhidas
moderate-reason = Motivo
moderate-bulk-reject = Recusar as escolhidas
moderate-entries-label = Lemas aguardando revisão
moderate-reasons-label = Motivos de recusa
moderate-reject-because = Recusar porque…
moderate-cancel = Cancelar
reason-no-logo = Logo não aparece
reason-inappropriate = Inadequada
reason-duplicate = Repetida
reason-poor-quality = Baixa qualidade
reason-privacy = Risco à privacidade
reason-spam = Spam
reason-other = Outro
keys-heading = Teclas
keys-approve = aprovar
keys-reject = recusar, com o motivo
keys-undo = desfazer a última decisão
keys-zoom = ampliar para o original e voltar
keys-reveal = mostrar a foto ou desfocá-la de novo (quando as fotos estão desfocadas)
keys-next = próxima (pular)
keys-previous = anterior (listas)
keys-select = escolher (grade)

## Avaliação

judge-title = Avaliação
judge-contest = Concurso
judge-blind = Os lemas aparecem sem os autores.
judge-keys = Teclas: J e K para mover, 1 a 9 para dar nota, 0 dá nota 10.
judge-ranking = Classificação
judge-show-ranking = Mostrar a classificação
judge-pin = Fixar os lemas marcados como finalistas
judge-state-upcoming = Os lemas são recebidos a partir de { $opens }. A avaliação termina com o anúncio, em { $announce }.
judge-state-open = Os lemas são recebidos até { $closes }. A avaliação termina com o anúncio, em { $announce }.
judge-state-judging = Os lemas já não são recebidos. A avaliação termina com o anúncio, em { $announce }.
judge-state-announced = Anunciado em { $announced }. As notas são definitivas: esta página é somente leitura.
judge-calibration = Como as notas são comparadas: as de cada jurado são medidas a partir da sua própria média (0), em passos da sua dispersão habitual, para que um jurado severo e um generoso contem igual.
judge-ranking-wait = A classificação abre quando você tiver dado nota a todos os lemas, para que as notas dos outros não influenciem as suas.
judge-ranking-chair = Como admin, você preside o júri: pode abrir a classificação a qualquer momento.
judge-pin-hint = Marque lemas e fixe-os para escolher os finalistas à mão.
judge-unpin = Desafixar: voltar aos finalistas automáticos

## As páginas de gestão

admin-nav = Gestão das campanhas
admin-dashboard = Painel
admin-new-campaign = Nova campanha
admin-new-contest = Novo concurso
admin-staff = Equipe
admin-failed-jobs = Tarefas com falha
admin-moderate = Moderar
admin-state = Situação:
admin-public-page = página pública
admin-saved = Salvo.
admin-save = Salvar alterações
admin-stale-campaign = Outra pessoa salvou esta campanha enquanto você a editava. Suas alterações estão abaixo: recarregue a página para ver as dela e refaça as suas.
admin-stale-contest = Outra pessoa salvou este concurso enquanto você o editava: recarregue a página e refaça sua alteração.
admin-date-format = Informe uma data e uma hora, por exemplo 2027-06-26 09:00.
state-upcoming = em breve
state-open = aberta
state-closed = encerrada
state-judging = em avaliação
state-announced = anunciado
dashboard-dead-jobs = { $n ->
    [one] { $n } tarefa com falha precisa de atenção.
   *[other] { $n } tarefas com falha precisam de atenção.
}
dashboard-no-campaign = Ainda não há campanhas.
dashboard-create-first = Crie a primeira
dashboard-no-contest = Ainda não há concursos.
dashboard-create-contest = Crie um
col-campaign = Campanha
col-contest = Concurso
col-state = Situação
col-waiting = Aguardando
col-oldest = A mais antiga
col-approved = Aprovadas
col-rejected = Recusadas
col-processing = Em preparação
col-failed = Com falha
campaign-new = Nova campanha
campaign-create = Criar campanha
campaign-closes-on = encerra em { $when }
campaign-exports = Fotos aprovadas:
campaign-export-csv = baixar em CSV
campaign-export-zip = baixar com as fotos (ZIP)
campaign-export-gallery = galeria
campaign-close-now = Encerrar agora: parar de receber fotos
campaign-texts = Textos
campaign-slug-label = Endereço web: /c/…
campaign-slug-hint = De 2 a 64 letras minúsculas, números e hífens simples, por exemplo support-dont-punish. Não pode ser mudado depois.
field-title = Título
field-description = Descrição
campaign-consent-label = Com o que os apoiadores concordam
campaign-consent-hint = Se ficar vazio: “{ $standard }” Um texto alterado é uma nova versão; as fotos já enviadas mantêm a que aceitaram.
campaign-when = Quando recebe fotos (horários em UTC)
campaign-opens-label = Abre (UTC; vazio: já)
campaign-closes-label = Encerra (UTC; vazio: nunca)
campaign-languages = Idiomas
campaign-languages-hint = As páginas falam o idioma de cada visitante entre os marcados. Títulos, descrições e textos de consentimento vazios em um idioma mostram os de cima (o texto de consentimento do próprio Placard é traduzido).
campaign-language-used = As páginas podem falar
campaign-language-default = Idioma padrão
campaign-embedding = Incorporação e retenção
campaign-frame-label = Sites que podem incorporar o formulário (uma origem por linha, https://host[:porta])
campaign-rejected-days = Apagar uma foto recusada este número de dias depois da decisão
campaign-originals-days = Apagar os originais aprovados este número de dias depois do encerramento (vazio: manter)
campaign-webhooks-hint = Os webhooks são configurados pela API, para que seus segredos nunca apareçam em uma página:
campaign-care = Moderação e privacidade
campaign-blur-previews = Desfocar as fotos na tela de moderação até quem modera escolher vê-las
campaign-blur-previews-hint = Para campanhas com fotos que podem ser difíceis de ver: cada foto aparece com um toque, uma tecla ou o foco do teclado, nunca com o ponteiro só passando por cima.
campaign-pause-after = Sugerir uma pausa depois deste número de fotos seguidas
campaign-pause-after-hint = 0: nunca. Cerca de 200 fotos são uma hora num ritmo constante.
campaign-privacy-url = Aviso de privacidade da sua organização (endereço https://)
campaign-privacy-url-hint = Aparece como link no painel de privacidade da página da campanha. Deixe vazio se não houver.
logo-heading = Logo
logo-none = Ainda não há logo. Os moderadores comparam as fotos com ele.
logo-new-label = Um novo logo (JPEG, PNG ou WebP; os metadados são removidos)
logo-upload = Enviar logo
logo-not-changed = O logo não mudou: { $why }
contest-new = Novo concurso de lemas
contest-create = Criar concurso
contest-announced-locked = O vencedor já foi anunciado: o concurso não pode mais ser alterado.
contest-slug-label = Endereço web: /k/…
contest-timeline = Calendário (horários em UTC)
contest-opens-label = Abertura das inscrições (UTC; vazio: já)
contest-closes-label = Fim das inscrições (UTC)
contest-announce-label = Anúncio do vencedor (UTC)
contest-shortlist-label = Número de finalistas
staff-heading = Contas da equipe
staff-new-token-for = Novo token para { $name }
staff-token-for = Token para { $name }
staff-token-give = Entregue-o a { $name } por um canal seguro. Ele aparece só esta vez: o Placard guarda apenas a impressão digital.
staff-token-old-gone = O token antigo e todas as sessões abertas com ele deixam de funcionar.
staff-token = Token
staff-copy = Copiar
staff-col-name = Nome
staff-col-role = Função
staff-col-campaigns = Campanhas
staff-col-last-seen = Última visita
staff-col-actions = Ações
staff-since = desde { $when }
staff-all-campaigns = todas
staff-change = Mudar
staff-save-campaigns = Salvar campanhas
staff-revoked-on = revogada em { $when }
staff-new-token = Novo token
staff-revoke = Revogar
staff-revoke-label = Revogar { $name }
staff-add = Adicionar alguém
staff-name-label = Nome (aparece no registro de auditoria)
staff-name-taken = Esse nome já existe: escolha outro.
staff-role-moderator = Moderação: revisa fotos e lemas
staff-role-judge = Júri: dá notas aos lemas, às cegas
staff-role-admin = Administração: gerencia campanhas e equipe
staff-scope-legend = Campanhas que a pessoa pode moderar (nenhuma marcada: todas)
staff-create = Criar conta
staff-never = nunca
role-moderator = moderação
role-judge = júri
role-admin = administração
jobs-retried = De volta à fila: roda em instantes.
jobs-none = Nenhuma tarefa com falha. O trabalho que falha de vez depois das novas tentativas aparece aqui, com o erro.
jobs-col-job = Tarefa
jobs-col-failed = Falhou
jobs-col-attempts = Tentativas
jobs-col-error = Último erro
jobs-col-action = Ação
jobs-retry = Tentar de novo
jobs-retry-label = Tentar de novo { $job }

## O script das páginas

js-blur-count = { $n ->
    [one] { $n } quadro: será pixelado.
   *[other] { $n } quadros: serão pixelados.
}
js-blur-box = Quadro { $n }: as setas o movem, Shift + setas muda o tamanho, Delete o remove
js-blur-remove = Remover o quadro { $n }
js-sending = Enviando… { $pct }%
js-checking = Conferindo sua foto…
js-connection-lost = A conexão caiu durante o envio. Verifique-a e tente de novo.
js-countdown-now = (agora: os resultados estão sendo publicados)
js-countdown-in = (em { $left })
js-days = { $n ->
    [one] { $n } dia
   *[other] { $n } dias
}
js-hours = { $n } h
js-minutes = { $n } min
js-seconds = { $n } s
js-session-ended = Sua sessão terminou. Entre de novo para continuar.
js-no-caption = Sem legenda nem nome.
js-photo-alt = Foto: { $what }
js-reject-prompt = Recusar: escolha o motivo (ou tecle o número). Esc cancela.
js-not-rejected = Não recusada.
js-queue-done = Não há mais nada para revisar aqui. Muito bem!
js-queue-left = { $n ->
    [one] Falta { $n }
   *[other] Faltam { $n }
}
js-queue-oldest = o mais antigo enviado há { $age }
js-queue-held = { $n } com outros moderadores
js-sent-ago = Enviada há { $age }
js-entries-end = { $n ->
    [one] Fim da lista: { $n } lema, { $left } ainda por decidir.
   *[other] Fim da lista: { $n } lemas, { $left } ainda por decidir.
}
js-sitting-count = { $n ->
    [one] { $n } revisada nesta sessão.
   *[other] { $n } revisadas nesta sessão.
}
js-pause-suggested = { $n } revisadas nesta sessão. Uma pausa curta ajuda a decidir bem: a fila vai esperar.
js-skipped-back = De volta às fotos que você pulou.
js-nothing-to-moderate = Ainda não há nada para moderar.
js-flag-duplicate = Repetida: o mesmo arquivo de uma foto anterior (mostrada ao lado).
js-flag-near-duplicate = Quase igual a uma foto anterior (distância { $distance }, mostrada ao lado).
js-flag-duplicate-short = repetida
js-flag-near-duplicate-short = quase igual
js-earlier-photo = Foto anterior, { $status }
js-state-received = recebida
js-state-processing = em preparação
js-state-pending-review = aguardando revisão
js-state-approved = aprovada
js-state-rejected = recusada
js-state-failed = com falha
js-approved = Aprovada. U desfaz.
js-rejected = Recusada ({ $reason }). U desfaz.
js-bulk-approved = { $ok } de { $all } aprovadas. U desfaz.
js-bulk-rejected = { $ok } de { $all } recusadas. U desfaz.
js-undo-nothing = Nada para desfazer.
js-undone = Desfeito: de volta à fila.
js-scored-progress = { $n } de { $all } com nota
js-score = Nota
js-scored = Nota { $score }.
js-no-contest = Ainda não há concurso para avaliar.
js-no-slogans = Ainda não há lemas aprovados para avaliar.
js-shortlist-aria = Entre os finalistas: { $slogan }
js-on-shortlist = entre os finalistas
js-pinned = { $n ->
    [one] Finalistas fixados: { $n } lema.
   *[other] Finalistas fixados: { $n } lemas.
}
js-shortlist-auto = Finalistas: automáticos, os { $size } primeiros da classificação.
js-shortlist-pinned = Finalistas: fixados à mão. Fixados: { $n }; o concurso pede { $size }.
js-unpinned = Desafixado: os finalistas voltam a ser os { $size } primeiros da classificação.
js-ranking-meta = Nota { $score } · jurados: { $judges }
js-read-only = Anunciado: as notas já não podem ser alteradas.
js-copied = Copiado.
js-copy-by-hand = Selecione o texto e copie.
js-opening-photo = Abrindo a foto…
js-step-aside = Conheço quem escreveu: me declaro impedido
js-step-aside-confirm = Toque de novo para se declarar impedido: sua nota não vai contar
js-stepped-aside = Você se declarou impedido: esse slogan saiu da sua lista e sua nota não conta.
js-mosaic-square = Quadrado { $n } de { $total }, linha { $row }, coluna { $col }: Enter abre a foto.
js-shortcuts-off = Os atalhos de teclado estão desligados: use os botões.

## Privacidade e recibo

campaign-logo-alt = O logo da campanha, para segurar na sua foto
campaign-photo-hint = No celular você pode tirar a foto agora ou escolher uma que já tem.
receipt-link-label = O link do seu recibo
receipt-open-status = Abrir minha página de situação
receipt-bookmark-hint = Salve a página de situação nos favoritos ou copie o link para um lugar seguro: não podemos enviá-lo de novo.
privacy-heading = Sua privacidade
privacy-removed = Antes de guardar sua foto, removemos a localização, os dados da câmera e qualquer outro dado escondido.
privacy-who = Os moderadores veem sua foto e o que você escreveu, para conferir. Depois de aprovada, qualquer pessoa vê cópias menores na galeria, com seu nome, país e legenda, se você os informou. A equipe da campanha pode baixar as fotos aprovadas.
privacy-rejected-kept = { $days ->
    [0] Uma foto não aprovada é apagada na hora.
    [one] Uma foto não aprovada é apagada { $days } dia depois da decisão.
   *[other] Uma foto não aprovada é apagada { $days } dias depois da decisão.
}
privacy-originals-kept = { $days ->
    [0] O original de uma foto aprovada é apagado quando a campanha termina.
    [one] O original de uma foto aprovada é apagado { $days } dia depois do fim da campanha.
   *[other] O original de uma foto aprovada é apagado { $days } dias depois do fim da campanha.
}
privacy-originals-campaign = A campanha guarda as fotos aprovadas até apagá-las, ou até você retirar a sua.
privacy-address = Seu endereço de internet não é guardado com sua foto. Para impedir que uma conexão envie demais, guardamos só uma impressão cifrada dele, por no máximo um dia.
privacy-withdraw = Você pode retirar sua foto a qualquer momento com o link do seu recibo: ela é apagada, com tudo o que você escreveu.
privacy-at-risk = Se ser reconhecido puder pôr você em risco: cubra o rosto (desenhe um quadro por cima), evite lugares, tatuagens ou roupas reconhecíveis e deixe o nome em branco.
privacy-operator-notice = O aviso de privacidade da campanha
withdrawn-home = Ir para a página inicial

## Julgamento por pares e relatório do júri
judge-pair-heading = Qual slogan é melhor?
judge-pair-keys = Teclas: ← escolhe o slogan da esquerda, → o da direita, S pula o par.
judge-pair-skip = Pular: não consigo escolher
judge-step-aside = Conheço o autor: me declaro impedido
contest-judging-mode-label = Como o júri julga
contest-judging-mode-scores = Notas: cada jurado dá a cada slogan uma nota de 1 a 10
contest-judging-mode-pairwise = Por pares: o júri escolhe o melhor de dois slogans
contest-judging-mode-hint = Fica fixo quando as inscrições fecham ou alguém do júri já julgou.
contest-min-judgements-label = Julgamentos que cada slogan deveria ter
judges-title = Relatório do júri
judges-judges = Jurados
judges-none = Ainda não há jurados.
judges-col-judge = Jurado
judges-col-scored = Com nota
judges-col-compared = Comparações
judges-col-leniency = Generosidade
judges-col-reliability = Confiabilidade
judges-col-agreement = Concordância
judges-explain-scores = Generosidade: quanto mais alto que os outros este jurado pontua os mesmos slogans, em passos da dispersão habitual (0: como os outros). Concordância: quanto a ordem dele segue a classificação dos outros, de −1 (invertida) a 1 (igual).
judges-explain-pairwise = Confiabilidade: com que frequência as escolhas dele se encaixam na classificação (0,5: como cara ou coroa). Concordância: com que frequência escolheu como a classificação dos outros, de −1 (sempre contra) a 1 (sempre a favor).
judges-under = Slogans com menos de { $min } julgamentos
judges-all-covered = Todos os slogans têm julgamentos suficientes.
judges-judgements = { $n ->
    [one] { $n } julgamento
   *[other] { $n } julgamentos
}
judges-covered = Todos os slogans têm julgamentos suficientes.
judges-on-pace = No ritmo: faltam { $needed } julgamentos, { $per_hour } por hora, restam { $hours } horas.
judges-behind = Atrasado: faltam { $needed } julgamentos, mas só { $per_hour } por hora e restam { $hours } horas. Peça mais ao júri ou acrescente jurados.
judges-announced = O concurso foi anunciado: o julgamento terminou.
js-compared-progress = { $n } comparados nesta sessão
js-pairs-done = Você comparou todos os pares possíveis. Obrigado.
js-preferred = Registrado: “{ $slogan }” é o melhor.
js-pair-skipped = Pulado: esse par não volta.
js-step-aside-confirm-pair = Pressione de novo para se declarar impedido: suas comparações com ele não vão contar
js-stepped-aside-pair = Você se declarou impedido: esse slogan não será mais mostrado a você e suas comparações com ele não contam.
js-score-interval = { $score } (95 %: de { $low } a { $high })
js-pairwise-method = Como as comparações viram classificação: um ajuste de Bradley–Terry sobre todas as escolhas dá a cada slogan uma nota e um intervalo de 95 %; um jurado que escolhe muitas vezes contra os outros conta menos.
