{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/rulings">آرا</a> › آرای متعارض</p>
<h1>آرای متعارض</h1>
<p class="muted">مواد قانونی‌ای که دادگاه‌ها درباره آن‌ها هم به سود و هم به زیان شهرداری رأی داده‌اند — از شعبه‌های یک مرجع یا از دو مرجع — با تازه‌ترین رأی هر سو، تازه‌ترین نخست. رأی وحدت رویه هیئت عمومی چنین تعارضی را برطرف می‌کند.</p>
<form class="panel filters" method="get" action="/conflicts" role="search">
<div class="wide"><label for="f-provision">ماده قانونی <span class="hint">مانند «قانون شهرداری — ماده ۱۰۰»</span></label><input type="text" id="f-provision" name="provision" value="{{Q_PROVISION}}"></div>
<div><label class="checkbox"><input type="checkbox" name="unsettled" value="true"{{#UNSETTLED_CHECKED}} checked{{/UNSETTLED_CHECKED}}> تنها آنچه رأی وحدت رویه هنوز حلش نکرده</label></div>
<div><button type="submit">نمایش</button></div>
</form>
{{#NO_CONFLICTS}}<p class="panel">تعارضی پیدا نشد.</p>{{/NO_CONFLICTS}}
{{>CONFLICTS}}
{{#MORE}}<p class="muted">تنها تازه‌ترین {{COUNT_FA}} تعارض نشان داده شده است؛ برای دیدن بقیه، ماده را نام ببرید.</p>{{/MORE}}
