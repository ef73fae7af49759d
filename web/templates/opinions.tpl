{{%AUTOESCAPE context="HTML"}}<h1>استعلام‌ها و نظریه‌های مشورتی</h1>
<p class="muted">پرسش شهرها از کمیته حقوقی و پاسخ کمیته؛ نظریه منتشرشده راهنمای همه شهرهاست.</p>
{{#MAY_ASK}}<p><a class="button" href="/opinions/new">استعلام تازه</a></p>{{/MAY_ASK}}
<form class="panel filters" method="get" action="/opinions" role="search">
<div><label for="f-state">وضعیت</label><select id="f-state" name="state"><option value="">همه</option>{{#STATE_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATE_CHOICE}}</select></div>
<div><label for="f-municipality">شهر پرسنده</label><select id="f-municipality" name="municipality"><option value="">همه</option>{{#CITY_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CITY_CHOICE}}</select></div>
<div><button type="submit">نمایش</button></div>
</form>
{{#EMPTY}}<p class="panel">استعلامی با این شرایط پیدا نشد.</p>{{/EMPTY}}
<table class="rows">
<caption class="muted">فهرست استعلام‌ها، تازه‌ترین نخست</caption>
<thead><tr><th scope="col">استعلام</th><th scope="col">شهر</th><th scope="col">وضعیت</th><th scope="col">مهلت یا انتشار</th></tr></thead>
<tbody>
{{#OPINION}}<tr>
<td><a href="/opinions/{{ID}}"><span class="ref">{{REFERENCE}}</span> {{TITLE}}</a><br><span class="muted"><bdi>{{ASKED_BY}}</bdi>، <time datetime="{{ASKED_AT_ISO}}">{{ASKED_AT}}</time></span></td>
<td data-label="شهر">{{CITY}}</td>
<td data-label="وضعیت"><span class="state{{#TERMINAL}} terminal{{/TERMINAL}}">{{STATE_LABEL}}</span>{{#ASSIGNED}}<br><span class="muted">پاسخ‌دهنده: <bdi>{{ASSIGNEE}}</bdi></span>{{/ASSIGNED}}</td>
<td data-label="مهلت">{{#PUBLISHED}}منتشرشده در <time datetime="{{PUBLISHED_AT_ISO}}">{{PUBLISHED_AT}}</time>{{/PUBLISHED}}{{#DUE}}<time datetime="{{DUE_AT_ISO}}"{{#OVERDUE}} class="overdue"{{/OVERDUE}}>{{DUE_AT}}</time>{{#OVERDUE}} <strong class="overdue">(گذشته)</strong>{{/OVERDUE}}{{/DUE}}</td>
</tr>{{/OPINION}}
</tbody>
</table>
{{#CUT}}<p class="muted">صد استعلام تازه‌تر نشان داده شده است؛ برای دیدن بقیه وضعیت یا شهر را برگزینید.</p>{{/CUT}}
