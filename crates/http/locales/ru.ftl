# Placard по-русски. Те же ключи и переменные, что в en.ftl (это проверяет тест).

## Все страницы

skip-to-content = Перейти к содержанию
languages-nav = Язык
footer-free-software = Placard — свободная программа под лицензией GNU AGPL:
footer-source = её исходный код
back = Назад
add-your-photo = Добавьте своё фото

## Даты и числа

month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря
date-day = { $day } { $month } { $year } г.
date-time = { $day } { $month } { $year } г., { $time } UTC
age-seconds = { $n } с
age-minutes = { $n } мин
age-hours = { $n } ч
age-days = { $n ->
    [one] { $n } день
    [few] { $n } дня
    [many] { $n } дней
   *[other] { $n } дня
}

## Главная

home-title = Кампании
home-fresh-heading = Здесь пока пусто
home-fresh-intro = В этом Placard ещё нет ни кампаний, ни конкурсов. Чтобы начать:
home-fresh-step-account = На сервере создайте себе учётную запись:
home-fresh-step-token = Команда один раз покажет ваш токен: сохраните его в надёжном месте.
home-fresh-step-sign-in = Затем войдите с этим токеном и создайте первую кампанию:
home-campaigns = Фотопетиции
home-no-campaigns = Сейчас ни одна петиция не принимает фото.
home-contests = Конкурсы лозунгов
home-staff-run = Команда: вести кампанию
home-staff-moderate = модерировать
home-staff-judge = оценивать
home-opens = Открывается { $when }
home-open-until = Открыта до { $when }
home-open = Открыта
home-entries-from = Приём с { $when }
home-opening-soon = Скоро откроется
home-entries-until = Приём до { $when }
home-winner-on = Победитель будет объявлен { $when }
home-winner = Победитель объявлен

## Страница кампании

campaign-see-gallery = Смотреть галерею фото
campaign-see-mosaic = все вместе
campaign-send-heading = Отправьте своё фото
campaign-send-intro = Сфотографируйтесь с логотипом кампании в руках и отправьте фото сюда. Прежде чем кто-то его увидит, мы удалим из него место съёмки, данные камеры и все другие скрытые данные.
campaign-photo-label = Ваше фото (JPEG, PNG или WebP, до { $max_mib } МБ)
campaign-preview-alt = Предпросмотр выбранного фото
campaign-blur-legend = Скрыть лицо или что-то ещё (по желанию)
campaign-blur-how = Нарисуйте рамку поверх того, что не должно быть видно: проведите по фото пальцем или мышью или нажмите «Добавить рамку» и двигайте её стрелками (Shift + стрелки меняют размер, Delete удаляет). Всё внутри рамки превращается в крупные квадраты во всех хранимых копиях ещё до того, как фото увидит модератор, а фото в том виде, в каком вы его отправили, удаляется.
campaign-blur-limits = Рамки не скрывают то, что вне их: одежду, татуировки, место за вашей спиной или имя, которое вы укажете. Если это может вас выдать, закройте и это или выберите другое фото.
campaign-blur-add = Добавить рамку
campaign-name-label = Ваше имя, как оно может появиться в галерее (по желанию)
campaign-country-label = Страна (по желанию)
campaign-country-none = Предпочитаю не указывать
campaign-caption-label = Подпись (по желанию, до 280 знаков)
campaign-send-button = Отправить фото
campaign-opens-from = Фото принимаются с { $when }.
campaign-closed-on = Кампания перестала принимать фото { $when }.
counter-supporters = { $n ->
    [one] { $n } сторонник
    [few] { $n } сторонника
    [many] { $n } сторонников
   *[other] { $n } сторонника
}
counter-supporters-countries = { $n ->
    [one] { $n } сторонник
    [few] { $n } сторонника
    [many] { $n } сторонников
   *[other] { $n } сторонника
} из { $countries ->
    [one] { $countries } страны
    [few] { $countries } стран
    [many] { $countries } стран
   *[other] { $countries } страны
}
moderation-note = Каждое фото проверяет человек, прежде чем его показать: пока опубликовано { $shown }, не опубликовано { $hidden }. Обычно фото проверяют в течение { $wait }.
wait-minutes = { $n ->
    [one] { $n } минуты
    [few] { $n } минут
    [many] { $n } минут
   *[other] { $n } минуты
}
wait-hours = { $n ->
    [one] { $n } часа
    [few] { $n } часов
    [many] { $n } часов
   *[other] { $n } часа
}
wait-days = { $n ->
    [one] { $n } дня
    [few] { $n } дней
    [many] { $n } дней
   *[other] { $n } дня
}
consent-photo-standard = Я согласен(на), чтобы эта кампания показывала моё фото вместе с указанными мной именем, страной и подписью в своей открытой галерее после одобрения модератором. Я могу отозвать его в любой момент по ссылке из моей квитанции.
consent-entry-standard = Я согласен(на), чтобы мой лозунг и моё имя опубликовали, если лозунг попадёт в финал или победит. Жюри видит только лозунг, но не автора.

## Галерея и мозаика

gallery-title = Галерея · { $title }
gallery-heading = { $title }: галерея
gallery-empty = Фото пока нет.
gallery-photo-from = Фото от { $name }
gallery-photo-anonymous = Фото сторонника
gallery-more = Ещё фото
gallery-caption-more = далее
gallery-mosaic-link = Все фото одной картиной
gallery-share-heading = Поделиться галереей
gallery-share-label = Адрес галереи
photo-back = Назад в галерею
photo-share-heading = Поделиться этим фото
photo-share-label = Адрес этого фото
mosaic-heading = { $title }: все вместе
mosaic-how = Каждое одобренное фото — это один квадрат. Коснитесь квадрата или нажмите на него, чтобы открыть фото; увеличьте, чтобы рассмотреть.
mosaic-how-logo = Каждое одобренное фото — это один квадрат, и вместе они складываются в логотип кампании. Коснитесь квадрата или нажмите на него, чтобы открыть фото; увеличьте, чтобы рассмотреть.
mosaic-alt = Мозаика из фото сторонников
mosaic-none = Мозаика появится здесь, когда будут одобрены первые фото.
mosaic-gallery-link = Галерея, фото за фото
mosaic-keys = С клавиатуры: перейдите к мозаике, выберите квадрат стрелками (Home и End — концы ряда) и откройте его фото клавишей Enter.
mosaic-label = Мозаика: стрелки выбирают квадрат, Enter открывает его фото

## Квитанции, страницы статуса, отзыв

receipt-title = Квитанция
receipt-photo-heading = Спасибо! Ваше фото получено.
receipt-slogan-heading = Спасибо! Ваш лозунг получен.
receipt-photo-keep = Это ваша квитанция. Сохраните ссылку в закладках: только по ней можно узнать, что с фото, или отозвать его. Любой, у кого есть ссылка, может сделать и то и другое, поэтому никому её не давайте.
receipt-slogan-keep = Это ваша квитанция. Сохраните ссылку в закладках: только по ней можно узнать, что с лозунгом, или отозвать его. Любой, у кого есть ссылка, может сделать и то и другое, поэтому никому её не давайте.
status-photo-title = Ваше фото
status-slogan-title = Ваш лозунг
status-label = Статус:
status-check-again = Проверить ещё раз
status-photo-alt = Ваше фото
status-held-heading = Что мы храним о вас
status-received = получено
status-processing = обрабатывается
status-pending-review = ждёт проверки
status-approved = одобрено
status-rejected = отклонено
status-failed = ошибка
held-name = Имя
held-country = Страна
held-caption = Подпись
held-boxes = Скрытые рамки
held-boxes-some = { $n } (пикселизированы во всех хранимых копиях)
held-boxes-none = нет
held-email = Эл. почта (удаляется при объявлении)
held-not-given = (не указано)
held-agreed = Вы согласились
held-on = Дата
photo-received = Мы получили ваше фото и готовим его. Эта страница обновляется сама.
photo-pending = Ваше фото готово и ждёт проверки модератором.
photo-approved = Ваше фото одобрено и показано в галерее. Спасибо!
photo-rejected = Ваше фото не одобрено, потому что { $reason }. Вы можете отправить другое.
entry-pending = Ваш лозунг ждёт проверки модератором.
entry-approved = Ваш лозунг одобрен и передан жюри. Удачи!
entry-rejected = Ваш лозунг не принят, потому что { $reason }.
because-no-logo = на нём не было видно логотипа кампании
because-inappropriate = оно не подходит для галереи
because-duplicate = оно повторяет фото, которое у нас уже есть
because-poor-quality = изображение недостаточно чёткое
because-privacy = оно могло угрожать чьей-то приватности
because-spam = оно не относится к этой кампании
because-other = по причине, которую отметили модераторы
failure-unreadable = Мы не смогли прочитать этот файл как фото: возможно, он повреждён или не загрузился целиком. Попробуйте отправить его ещё раз или выберите другой.
failure-encode-failed = Мы не смогли сделать уменьшенные копии этого фото, нужные галерее. Попробуйте отправить другое.
failure-too-slow = Этот файл открывается гораздо дольше, чем обычное фото, поэтому мы остановились. Отправьте фото ещё раз как обычный JPEG (подойдёт и снимок экрана).
withdraw-photo-summary = Отозвать моё фото
withdraw-slogan-summary = Отозвать мой лозунг
withdraw-photo-warning = Отзыв удаляет ваше фото и всё, что вы нам о себе сообщили. Отменить это нельзя.
withdraw-slogan-warning = Отзыв удаляет ваш лозунг и всё, что вы нам о себе сообщили. Отменить это нельзя.
withdraw-photo-button = Отозвать и удалить фото
withdraw-slogan-button = Отозвать и удалить лозунг
withdrawn-title = Отозвано
withdrawn-photo = Ваше фото отозвано и удалено: его больше нет в нашем хранилище, как и вашего имени, страны и подписи. Эта ссылка больше не работает.
withdrawn-slogan = Ваш лозунг отозван и удалён: его больше нет в нашем хранилище, как и вашего имени и адреса почты. Эта ссылка больше не работает.

## Страница конкурса

contest-entries-close = Приём лозунгов заканчивается { $when }.
contest-announced-on = Победителя объявят
contest-enter-heading = Предложите свой лозунг
contest-slogan-label = Ваш лозунг (от 3 до 120 знаков)
contest-author-label = Ваше имя, как его объявят
contest-email-label = Эл. почта, если хотите узнать результат (по желанию, нигде не показывается)
contest-enter-button = Отправить лозунг
contest-upcoming = Конкурс ещё не принимает лозунги.
contest-judging = Приём закрыт: работает жюри.
results-heading = Итоги
results-announced-on = Объявлены
results-winner = Лозунг-победитель:
results-by = автор: { $name }
results-no-winner = Ни один лозунг не выбран.
results-shortlist = Также в финале
results-fingerprint = Итоги зафиксированы в момент объявления. Их отпечаток (SHA-256 манифеста):
results-entries = Выбран среди одобренных лозунгов: { $n }.
results-verify = Проверить может каждый: в манифесте перечислены все лозунги и все оценки (без имён судей), а его SHA-256 — этот отпечаток. Откройте
results-manifest = манифест
results-pending = Итоги публикуются. Через минуту они появятся на этой странице.

## Что пошло не так, по коду ошибки

notice-error-title = Что-то пошло не так
notice-not-found-title = Не найдено
notice-failed-title = Не получилось
error-consent-required = Поставьте галочку согласия: мы можем показать ваше фото или лозунг только с вашего разрешения.
error-invalid-field = В форме что-то нужно поправить.
error-payload-too-large = Это фото слишком большое для отправки. Выберите фото меньше { $max_mib } МБ или уменьшенную копию.
error-request-timeout = Фото перестало загружаться, не дойдя до конца: возможно, прервалось соединение. Попробуйте ещё раз.
error-unsupported-media-type = Мы принимаем только фото в формате JPEG, PNG или WebP. Выберите другой файл.
error-invalid-image = Мы не смогли прочитать это фото: файл может быть повреждён или неполон. Попробуйте другое.
error-image-too-large = В этом фото слишком много пикселей. Отправьте уменьшенную копию.
error-image-too-small = Это фото слишком маленькое, его будет плохо видно. Выберите фото не меньше { $min_side } пикселей по короткой стороне.
error-submissions-closed = Сейчас эта кампания не принимает фото.
error-entries-closed = Этот конкурс больше не принимает лозунги.
error-invalid-slogan = Лозунг должен быть длиной от 3 до 120 знаков.
error-duplicate-entry = Такой лозунг уже кто-то прислал. Попробуйте сказать это своими словами.
error-rate-limited = Слишком много попыток с вашего подключения за короткое время. Подождите минуту и попробуйте снова.
error-not-found = Мы не нашли эту страницу. Возможно, в ссылке опечатка или фото или лозунг отозваны.
error-unauthenticated = Ссылка неполная: используйте ссылку из квитанции целиком.
error-internal-error = У нас что-то сломалось. Ничего не сохранено; попробуйте ещё раз чуть позже.
error-unavailable = Placard перегружен или на обслуживании. Ничего не сохранено; попробуйте через несколько минут.
error-invalid-query = Ссылка на эту страницу недействительна.

## Команда: вход, панель на страницах команды

signin-heading = Вход
signin-moderate = Войдите, чтобы модерировать
signin-judge = Войдите, чтобы оценивать
signin-admin = Войдите, чтобы вести кампании
signin-token = Токен сотрудника
signin-button = Войти
signin-hint = Вход открывает сеанс на этом сайте на 12 часов; ваш токен не хранится в браузере. Выход завершает сеанс.
signin-expired = Форма входа устарела или открыта не с этого сайта. Введите токен ещё раз.
signin-unknown = Этот токен не распознан. Проверьте его и попробуйте снова.
signin-wrong-role = Вы вошли, но у вашей учётной записи нет этой роли. Войдите с другим токеном.
staff-signed-in-as = Вы вошли как
staff-sign-out = Выйти
staff-shortcuts-on = Горячие клавиши (одной клавишей)

## Модерация

moderate-title = Модерация
moderate-review = Проверять
moderate-photos-of = Фото: { $title }
moderate-slogans-of = Лозунги: { $title }
moderate-mode = Режим
moderate-options = Настройки
moderate-filter = Показать
moderate-filter-pending = Ждут проверки
moderate-filter-flagged = Только отмеченные: повторы и почти повторы
moderate-filter-approved = Одобренные
moderate-filter-rejected = Отклонённые
moderate-mode-one = По одному
moderate-mode-grid = Сетка (выбрать несколько)
moderate-blur = Размывать фото, пока я не нажму на фото или на V
moderate-logo-alt = Логотип кампании
moderate-logo-caption = Логотип, который нужно найти
moderate-decision = Решение
moderate-approve = Одобрить
moderate-reject = Отклонить…
moderate-skip = Пропустить
moderate-previous = Назад
moderate-undo = Отменить
moderate-zoom = Увеличить
moderate-sitting-reset = Начать заново
moderate-under-review = Фото на проверке
moderate-current-alt = Фото для проверки
moderate-related-alt = Прежнее фото, на которое оно похоже
moderate-grid-label = Фото, ждущие проверки
moderate-bulk-approve = Одобрить выбранные
moderate-reason = Причина
moderate-bulk-reject = Отклонить выбранные
moderate-entries-label = Лозунги, ждущие проверки
moderate-reasons-label = Причины отклонения
moderate-reject-because = Отклонить, потому что…
moderate-cancel = Отмена
reason-no-logo = Не видно логотипа
reason-inappropriate = Неуместно
reason-duplicate = Повтор
reason-poor-quality = Плохое качество
reason-privacy = Риск для приватности
reason-spam = Спам
reason-other = Другое
keys-heading = Клавиши
keys-approve = одобрить
keys-reject = отклонить с причиной
keys-undo = отменить последнее решение
keys-zoom = увеличить до оригинала и обратно
keys-reveal = показать фото или снова размыть (когда фото размыты)
keys-next = дальше (пропустить)
keys-previous = назад (списки)
keys-select = выбрать (сетка)

## Жюри

judge-title = Оценка
judge-contest = Конкурс
judge-blind = Лозунги показаны без авторов.
judge-keys = Клавиши: J и K — перемещение, 1–9 — оценка, 0 — оценка 10.
judge-ranking = Рейтинг
judge-show-ranking = Показать рейтинг
judge-pin = Закрепить отмеченные лозунги как финал
judge-state-upcoming = Приём лозунгов начнётся { $opens }. Оценка заканчивается с объявлением итогов: { $announce }.
judge-state-open = Лозунги принимаются до { $closes }. Оценка заканчивается с объявлением итогов: { $announce }.
judge-state-judging = Приём лозунгов закрыт. Оценка заканчивается с объявлением итогов: { $announce }.
judge-state-announced = Итоги объявлены { $announced }. Оценки окончательные: страница только для чтения.
judge-calibration = Как сравниваются оценки: оценки каждого судьи отсчитываются от его собственного среднего (0) шагами его обычного разброса, поэтому строгий и щедрый судьи весят одинаково.
judge-ranking-wait = Рейтинг откроется, когда вы оцените все лозунги, чтобы оценки других судей не влияли на ваши.
judge-ranking-chair = Как администратор вы председатель жюри: рейтинг можно открыть в любой момент.
judge-pin-hint = Отметьте лозунги и закрепите их, чтобы выбрать финал вручную.
judge-unpin = Открепить: вернуть автоматический финал

## Страницы управления

admin-nav = Управление кампаниями
admin-dashboard = Сводка
admin-new-campaign = Новая кампания
admin-new-contest = Новый конкурс
admin-staff = Команда
admin-failed-jobs = Сбойные задачи
admin-moderate = Модерировать
admin-state = Состояние:
admin-public-page = публичная страница
admin-saved = Сохранено.
admin-save = Сохранить изменения
admin-stale-campaign = Кто-то другой сохранил эту кампанию, пока вы её редактировали. Ваши изменения ниже: обновите страницу, чтобы увидеть чужие, и внесите свои заново.
admin-stale-contest = Кто-то другой сохранил этот конкурс, пока вы его редактировали: обновите страницу и внесите изменение заново.
admin-date-format = Укажите дату и время, например 2027-06-26 09:00.
state-upcoming = скоро
state-open = открыта
state-closed = закрыта
state-judging = оценивается
state-announced = итоги объявлены
dashboard-dead-jobs = { $n ->
    [one] { $n } сбойная задача ждёт внимания.
    [few] { $n } сбойные задачи ждут внимания.
    [many] { $n } сбойных задач ждут внимания.
   *[other] { $n } сбойной задачи ждут внимания.
}
dashboard-no-campaign = Кампаний пока нет.
dashboard-create-first = Создайте первую
dashboard-no-contest = Конкурсов пока нет.
dashboard-create-contest = Создайте конкурс
col-campaign = Кампания
col-contest = Конкурс
col-state = Состояние
col-waiting = Ждут
col-oldest = Ждёт дольше всех
col-approved = Одобрено
col-rejected = Отклонено
col-processing = Обрабатывается
col-failed = С ошибкой
campaign-new = Новая кампания
campaign-create = Создать кампанию
campaign-closes-on = закрывается { $when }
campaign-exports = Одобренные фото:
campaign-export-csv = скачать в CSV
campaign-export-zip = скачать с фото (ZIP)
campaign-export-gallery = галерея
campaign-close-now = Закрыть сейчас: больше не принимать фото
campaign-texts = Тексты
campaign-slug-label = Веб-адрес: /c/…
campaign-slug-hint = От 2 до 64 строчных латинских букв, цифр и одиночных дефисов, например support-dont-punish. Потом его не изменить.
field-title = Название
field-description = Описание
campaign-consent-label = На что соглашаются сторонники
campaign-consent-hint = Если оставить пустым: «{ $standard }» Изменённый текст — это новая версия; уже отправленные фото сохраняют ту, на которую согласились.
campaign-when = Когда принимаются фото (время по UTC)
campaign-opens-label = Открытие (UTC; пусто: сразу)
campaign-closes-label = Закрытие (UTC; пусто: никогда)
campaign-languages = Языки
campaign-languages-hint = Страницы говорят на языке посетителя из отмеченных. Пустые в каком-то языке названия, описания и тексты согласия показываются как вверху (собственный текст согласия Placard переведён).
campaign-language-used = Страницы могут говорить на языке:
campaign-language-default = Язык по умолчанию
campaign-embedding = Встраивание и хранение
campaign-frame-label = Сайты, на которые можно встроить форму (один источник на строку, https://host[:port])
campaign-rejected-days = Удалять отклонённое фото через столько дней после решения
campaign-originals-days = Удалять оригиналы одобренных фото через столько дней после закрытия (пусто: хранить)
campaign-webhooks-hint = Вебхуки настраиваются через API, чтобы их секреты никогда не появлялись на странице:
campaign-care = Модерация и приватность
campaign-blur-previews = Размывать фото на экране модерации, пока модератор сам не решит посмотреть
campaign-blur-previews-hint = Для кампаний, где фото бывает тяжело смотреть: каждое фото открывается касанием, клавишей или фокусом клавиатуры, но не просто наведением указателя.
campaign-pause-after = Предлагать перерыв после стольких фото подряд
campaign-pause-after-hint = 0 — никогда. Около 200 фото — это час в ровном темпе.
campaign-privacy-url = Политика конфиденциальности вашей организации (адрес https://)
campaign-privacy-url-hint = Ссылка появится в разделе о приватности на странице кампании. Оставьте пустым, если её нет.
logo-heading = Логотип
logo-none = Логотипа пока нет. Модераторы сверяют с ним фото.
logo-new-label = Новый логотип (JPEG, PNG или WebP; метаданные удаляются)
logo-upload = Загрузить логотип
logo-not-changed = Логотип не изменён: { $why }
contest-new = Новый конкурс лозунгов
contest-create = Создать конкурс
contest-announced-locked = Победитель объявлен: конкурс больше нельзя изменить.
contest-slug-label = Веб-адрес: /k/…
contest-timeline = Расписание (время по UTC)
contest-opens-label = Начало приёма (UTC; пусто: сразу)
contest-closes-label = Конец приёма (UTC)
contest-announce-label = Объявление победителя (UTC)
contest-shortlist-label = Размер финала
staff-heading = Учётные записи команды
staff-new-token-for = Новый токен для { $name }
staff-token-for = Токен для { $name }
staff-token-give = Передайте его { $name } по надёжному каналу. Он показывается только сейчас: Placard хранит лишь его отпечаток.
staff-token-old-gone = Старый токен и все сеансы, открытые с ним, больше не работают.
staff-token = Токен
staff-copy = Копировать
staff-col-name = Имя
staff-col-role = Роль
staff-col-campaigns = Кампании
staff-col-last-seen = Был(а) в сети
staff-col-actions = Действия
staff-since = с { $when }
staff-all-campaigns = все
staff-change = Изменить
staff-save-campaigns = Сохранить кампании
staff-revoked-on = отозван { $when }
staff-new-token = Новый токен
staff-revoke = Отозвать
staff-revoke-label = Отозвать доступ: { $name }
staff-add = Добавить человека
staff-name-label = Имя (видно в журнале аудита)
staff-name-taken = Это имя занято: выберите другое.
staff-role-moderator = Модератор: проверяет фото и лозунги
staff-role-judge = Судья: оценивает лозунги вслепую
staff-role-admin = Администратор: ведёт кампании и команду
staff-scope-legend = Какие кампании модератор может проверять (ничего не отмечено: все)
staff-create = Создать учётную запись
staff-never = никогда
role-moderator = модератор
role-judge = судья
role-admin = администратор
jobs-retried = Снова в очереди: выполнится через мгновение.
jobs-none = Сбойных задач нет. Работа, которая окончательно не удалась после повторов, появится здесь вместе с ошибкой.
jobs-col-job = Задача
jobs-col-failed = Сбой
jobs-col-attempts = Попытки
jobs-col-error = Последняя ошибка
jobs-col-action = Действие
jobs-retry = Повторить
jobs-retry-label = Повторить { $job }

## Скрипт страниц

js-blur-count = { $n ->
    [one] { $n } рамка: будет пикселизирована.
    [few] { $n } рамки: будут пикселизированы.
    [many] { $n } рамок: будут пикселизированы.
   *[other] { $n } рамки: будут пикселизированы.
}
js-blur-box = Рамка { $n }: стрелки двигают её, Shift + стрелки меняют размер, Delete удаляет
js-blur-remove = Удалить рамку { $n }
js-sending = Отправка… { $pct } %
js-checking = Проверяем ваше фото…
js-connection-lost = Соединение прервалось во время отправки. Проверьте его и попробуйте снова.
js-countdown-now = (сейчас: итоги публикуются)
js-countdown-in = (через { $left })
js-days = { $n ->
    [one] { $n } день
    [few] { $n } дня
    [many] { $n } дней
   *[other] { $n } дня
}
js-hours = { $n } ч
js-minutes = { $n } мин
js-seconds = { $n } с
js-session-ended = Ваш сеанс завершён. Войдите снова, чтобы продолжить.
js-no-caption = Без подписи и имени.
js-photo-alt = Фото: { $what }
js-reject-prompt = Отклонить: выберите причину (или нажмите её цифру). Esc отменяет.
js-not-rejected = Не отклонено.
js-queue-done = Здесь больше нечего проверять. Отличная работа!
js-queue-left = { $n ->
    [one] Остался { $n }
   *[other] Осталось { $n }
}
js-queue-oldest = самое старое отправлено { $age } назад
js-queue-held = у других модераторов: { $n }
js-sent-ago = Отправлено { $age } назад
js-entries-end = Конец списка. Лозунгов: { $n }, ещё не решено: { $left }.
js-sitting-count = { $n ->
    [one] Проверено за сеанс: { $n }.
   *[other] Проверено за сеанс: { $n }.
}
js-pause-suggested = Проверено за сеанс: { $n }. Короткий перерыв помогает судить точнее — очередь подождёт.
js-skipped-back = Возвращаемся к пропущенным фото.
js-nothing-to-moderate = Пока нечего модерировать.
js-flag-duplicate = Повтор: тот же файл, что и у прежнего фото (показано рядом).
js-flag-near-duplicate = Почти повтор прежнего фото (расстояние { $distance }, показано рядом).
js-flag-duplicate-short = повтор
js-flag-near-duplicate-short = почти повтор
js-earlier-photo = Прежнее фото, { $status }
js-state-received = получено
js-state-processing = обрабатывается
js-state-pending-review = ждёт проверки
js-state-approved = одобрено
js-state-rejected = отклонено
js-state-failed = ошибка
js-approved = Одобрено. U — отменить.
js-rejected = Отклонено ({ $reason }). U — отменить.
js-bulk-approved = Одобрено { $ok } из { $all }. U — отменить.
js-bulk-rejected = Отклонено { $ok } из { $all }. U — отменить.
js-undo-nothing = Нечего отменять.
js-undone = Отменено: снова в очереди.
js-scored-progress = Оценено { $n } из { $all }
js-score = Оценка
js-scored = Оценка { $score }.
js-no-contest = Пока нет конкурса для оценки.
js-no-slogans = Пока нет одобренных лозунгов для оценки.
js-shortlist-aria = В финале: { $slogan }
js-on-shortlist = в финале
js-pinned = { $n ->
    [one] Финал закреплён: { $n } лозунг.
    [few] Финал закреплён: { $n } лозунга.
    [many] Финал закреплён: { $n } лозунгов.
   *[other] Финал закреплён: { $n } лозунга.
}
js-shortlist-auto = Финал: автоматический, первые { $size } в рейтинге.
js-shortlist-pinned = Финал: закреплён вручную. Закреплено: { $n }; по условиям конкурса: { $size }.
js-unpinned = Откреплено: в финале снова первые { $size } в рейтинге.
js-ranking-meta = Оценка { $score } · судей: { $judges }
js-read-only = Итоги объявлены: оценки больше нельзя изменить.
js-copied = Скопировано.
js-copy-by-hand = Выделите текст и скопируйте его.
js-opening-photo = Открываем фото…
js-step-aside = Я знаю автора: взять самоотвод
js-step-aside-confirm = Нажмите ещё раз, чтобы взять самоотвод: ваша оценка не будет учтена
js-stepped-aside = Вы взяли самоотвод: этого лозунга больше нет в вашем списке, и ваша оценка не учитывается.
js-mosaic-square = Квадрат { $n } из { $total }, ряд { $row }, столбец { $col }: Enter открывает его фото.
js-shortcuts-off = Горячие клавиши выключены: пользуйтесь кнопками.

## Приватность и квитанция

campaign-logo-alt = Логотип кампании, который нужно держать на фото
campaign-photo-hint = На телефоне можно сфотографироваться сейчас или выбрать готовое фото.
receipt-link-label = Ссылка из вашей квитанции
receipt-open-status = Открыть мою страницу статуса
receipt-bookmark-hint = Добавьте страницу статуса в закладки или сохраните ссылку в надёжном месте: прислать её снова мы не сможем.
privacy-heading = Ваша приватность
privacy-removed = Прежде чем сохранить фото, мы удаляем из него место съёмки, данные камеры и все другие скрытые данные.
privacy-who = Модераторы видят ваше фото и то, что вы написали, чтобы их проверить. После одобрения все могут видеть уменьшенные копии в галерее вместе с именем, страной и подписью, если вы их указали. Команда кампании может скачать одобренные фото.
privacy-rejected-kept = { $days ->
    [0] Неодобренное фото удаляется сразу.
    [one] Неодобренное фото удаляется через { $days } день после решения.
    [few] Неодобренное фото удаляется через { $days } дня после решения.
   *[other] Неодобренное фото удаляется через { $days } дней после решения.
}
privacy-originals-kept = { $days ->
    [0] Оригинал одобренного фото удаляется при закрытии кампании.
    [one] Оригинал одобренного фото удаляется через { $days } день после закрытия кампании.
    [few] Оригинал одобренного фото удаляется через { $days } дня после закрытия кампании.
   *[other] Оригинал одобренного фото удаляется через { $days } дней после закрытия кампании.
}
privacy-originals-campaign = Кампания хранит одобренные фото, пока не удалит их или пока вы не отзовёте своё.
privacy-address = Ваш интернет-адрес не хранится вместе с фото. Чтобы одно подключение не отправляло слишком много, хранится только зашифрованный отпечаток адреса, не дольше суток.
privacy-withdraw = Вы можете отозвать фото в любой момент по ссылке из квитанции: оно будет удалено вместе со всем, что вы написали.
privacy-at-risk = Если вас опасно узнавать: закройте лицо (нарисуйте поверх рамку), избегайте узнаваемых мест, татуировок и одежды и не указывайте имя.
privacy-operator-notice = Политика конфиденциальности кампании
withdrawn-home = На главную

## Парное судейство и отчёт о жюри
judge-pair-heading = Какой лозунг лучше?
judge-pair-keys = Клавиши: ← выбирает лозунг слева, → справа, S пропускает пару.
judge-pair-skip = Пропустить: не могу выбрать
judge-step-aside = Я знаю автора: беру самоотвод
contest-judging-mode-label = Как судит жюри
contest-judging-mode-scores = Оценки: каждый член жюри оценивает каждый лозунг от 1 до 10
contest-judging-mode-pairwise = Попарно: жюри выбирает лучший из двух лозунгов
contest-judging-mode-hint = Не меняется после закрытия приёма или первой оценки.
contest-min-judgements-label = Сколько оценок должно быть у каждого лозунга
judges-title = Отчёт о жюри
judges-judges = Жюри
judges-none = Жюри пока нет.
judges-col-judge = Член жюри
judges-col-scored = Оценено
judges-col-compared = Сравнений
judges-col-leniency = Мягкость
judges-col-reliability = Надёжность
judges-col-agreement = Согласие
judges-explain-scores = Мягкость: насколько выше остальных этот член жюри оценивает те же лозунги, в единицах обычного разброса (0: как остальные). Согласие: насколько его порядок совпадает с рейтингом остальных, от −1 (обратный) до 1 (тот же).
judges-explain-pairwise = Надёжность: как часто выбор совпадает с рейтингом (0,5: не лучше подбрасывания монеты). Согласие: как часто выбор совпадал с рейтингом остальных, от −1 (всегда против) до 1 (всегда за).
judges-under = Лозунги, у которых меньше { $min } оценок
judges-all-covered = У всех лозунгов достаточно оценок.
judges-judgements = { $n ->
    [one] { $n } оценка
    [few] { $n } оценки
    [many] { $n } оценок
   *[other] { $n } оценки
}
judges-covered = У всех лозунгов достаточно оценок.
judges-on-pace = Успеваем: нужно ещё { $needed } оценок, { $per_hour } в час, осталось { $hours } ч.
judges-behind = Отстаём: нужно ещё { $needed } оценок, а темп всего { $per_hour } в час, осталось { $hours } ч. Попросите жюри ускориться или добавьте членов жюри.
judges-announced = Итоги конкурса объявлены: судейство окончено.
js-compared-progress = Сравнено за этот сеанс: { $n }
js-pairs-done = Вы сравнили все доступные пары. Спасибо.
js-preferred = Записано: «{ $slogan }» лучше.
js-pair-skipped = Пропущено: эта пара больше не появится.
js-step-aside-confirm-pair = Нажмите ещё раз, чтобы взять самоотвод: ваши сравнения с этим лозунгом не будут учитываться
js-stepped-aside-pair = Вы взяли самоотвод: этот лозунг вам больше не покажут, и ваши сравнения с ним не учитываются.
js-score-interval = { $score } (95 %: от { $low } до { $high })
js-pairwise-method = Как сравнения становятся рейтингом: модель Брэдли — Терри по всем выборам жюри даёт каждому лозунгу оценку и 95-процентный интервал; тот, кто часто выбирает против остальных, весит меньше.
