{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/rulings">آرا</a> › درخواست‌های رأی وحدت رویه</p>
<h1>درخواست‌های رأی وحدت رویه</h1>
<p class="muted">وقتی دادگاه‌ها درباره یک ماده هم به سود و هم به زیان شهرها رأی داده‌اند، دبیر کمیته از هیئت عمومی دیوان عدالت اداری یا دیوان عالی کشور رأی وحدت رویه می‌خواهد. درخواست تازه را از <a href="/conflicts">آرای متعارض</a> بگشایید.</p>
<form class="panel filters" method="get" action="/precedents" role="search">
<div><label for="f-state">وضعیت</label><select id="f-state" name="state"><option value="">همه</option>{{#STATE_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATE_CHOICE}}</select></div>
<div><button type="submit">نمایش</button></div>
</form>
{{#EMPTY}}<p class="panel">درخواستی با این شرایط پیدا نشد.</p>{{/EMPTY}}
<table class="rows">
<caption class="muted">فهرست درخواست‌ها، تازه‌ترین نخست</caption>
<thead><tr><th scope="col">درخواست</th><th scope="col">ماده</th><th scope="col">مرجع</th><th scope="col">وضعیت</th></tr></thead>
<tbody>
{{#REQUEST}}<tr>
<td><a href="/precedents/{{ID}}"><span class="ref">{{REFERENCE}}</span></a><br><span class="muted"><time datetime="{{OPENED_AT_ISO}}">{{OPENED_AT}}</time></span></td>
<td data-label="ماده"><a href="{{PROVISION_LINK}}">{{LAW}} — <bdi>{{ARTICLE}}</bdi></a></td>
<td data-label="مرجع">{{BOARD_LABEL}}</td>
<td data-label="وضعیت"><span class="state{{#TERMINAL}} terminal{{/TERMINAL}}">{{STATE_LABEL}}</span>{{#DUE}}<br><span class="muted">مهلت:</span> <time datetime="{{DUE_AT_ISO}}"{{#OVERDUE}} class="overdue"{{/OVERDUE}}>{{DUE_AT}}</time>{{/DUE}}</td>
</tr>{{/REQUEST}}
</tbody>
</table>
{{#CUT}}<p class="muted">صد درخواست تازه‌تر نشان داده شده است؛ برای دیدن بقیه وضعیت را برگزینید.</p>{{/CUT}}
