{{%AUTOESCAPE context="HTML"}}<h1>خلأهای قانونی</h1>
<p><a class="button" href="/gaps/new">گزارش خلأ تازه</a> <a class="button secondary" href="/gaps/board">نمای تابلو</a></p>
<form class="panel filters" method="get" action="/gaps" role="search" hx-get="/gaps" hx-target="#results" hx-select="#results" hx-swap="outerHTML" hx-push-url="true" hx-trigger="change, input changed delay:400ms from:#f-q, submit">
<div class="wide"><label for="f-q">جست‌وجو در عنوان و شرح</label><input type="search" id="f-q" name="q" value="{{Q}}"></div>
<div><label for="f-state">وضعیت</label><select id="f-state" name="state"><option value="">همه</option>{{#STATE_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATE_CHOICE}}</select></div>
<div><label for="f-municipality">شهر</label><select id="f-municipality" name="municipality"><option value="">همه</option>{{#CITY_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CITY_CHOICE}}</select></div>
<div><label for="f-kind">نوع</label><select id="f-kind" name="kind"><option value="">همه</option>{{#KIND_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_CHOICE}}</select></div>
<div><label for="f-category">موضوع</label><select id="f-category" name="category"><option value="">همه</option>{{#CATEGORY_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_CHOICE}}</select></div>
<div><label for="f-priority">اولویت</label><select id="f-priority" name="priority"><option value="">همه</option>{{#PRIORITY_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PRIORITY_CHOICE}}</select></div>
<div><label for="f-sort">ترتیب</label><select id="f-sort" name="sort">{{#SORT_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SORT_CHOICE}}</select></div>
<div><button type="submit">نمایش</button></div>
</form>
<div id="results">
<div id="state-counts" hx-get="{{COUNTS_LINK}}" hx-trigger="load" hx-swap="innerHTML"><p class="no-print"><a href="{{COUNTS_LINK}}">شمار خلأها در هر وضعیت</a></p></div>
<p class="no-print">همین فهرست با همین فیلترها: <a href="{{CSV_LINK}}" download>CSV</a> · <a href="{{XLSX_LINK}}" download>Excel</a></p>
{{#EMPTY}}<p class="panel">خلأیی با این شرایط پیدا نشد.</p>{{/EMPTY}}
<table class="rows">
<caption class="muted">فهرست خلأها</caption>
<thead><tr><th scope="col">شناسه</th><th scope="col">عنوان</th><th scope="col">وضعیت</th><th scope="col">شهر</th><th scope="col">نوع و موضوع</th><th scope="col">اولویت</th><th scope="col">مهلت</th></tr></thead>
<tbody>
{{#GAP}}<tr>
<td><span class="ref">{{REFERENCE}}</span></td>
<td><a href="/gaps/{{ID}}">{{TITLE}}</a>{{#CONFIDENTIAL}} <span class="tag confidential">محرمانه</span>{{/CONFIDENTIAL}}<br><span class="muted">گزارش: <time datetime="{{CREATED_AT_ISO}}">{{CREATED_AT}}</time></span></td>
<td data-label="وضعیت"><span class="state{{#TERMINAL}} terminal{{/TERMINAL}}">{{STATE_LABEL}}</span></td>
<td data-label="شهر">{{CITY}}</td>
<td data-label="نوع">{{KIND_LABEL}}، <span class="muted">{{CATEGORY_LABEL}}</span></td>
<td data-label="اولویت" class="priority-{{PRIORITY}}">{{PRIORITY_LABEL}}</td>
<td data-label="مهلت">{{#DUE}}<time datetime="{{DUE_AT_ISO}}"{{#OVERDUE}} class="overdue"{{/OVERDUE}}>{{DUE_AT}}</time>{{#OVERDUE}} <span class="overdue">(گذشته)</span>{{/OVERDUE}}{{/DUE}}</td>
</tr>{{/GAP}}
</tbody>
</table>
<nav class="pager" aria-label="صفحه‌ها">
{{#FIRST}}<a href="{{FIRST_LINK}}">صفحه نخست</a>{{/FIRST}}
{{#NEXT}}<a href="{{NEXT_LINK}}" rel="next">صفحه بعد</a>{{/NEXT}}
</nav>
</div>
