{{%AUTOESCAPE context="HTML"}}<article class="minutes">
<p class="muted no-print"><a href="/meetings">جلسه‌ها</a> › <a href="/meetings/{{ID}}"><span class="ref">{{REFERENCE}}</span></a> › صورتجلسه</p>
<h1>صورتجلسه کمیسیون مشترک حقوقی کلان‌شهرها — جلسه <span class="ref">{{REFERENCE}}</span></h1>
<p class="no-print"><button type="button" class="secondary" data-print>چاپ</button></p>
<section aria-labelledby="h-when">
<h2 id="h-when" class="visually-hidden">زمان و محل</h2>
<dl class="facts">
<dt>تاریخ</dt><dd><time datetime="{{AT_ISO}}">{{AT}}</time> <span class="muted">(<bdi dir="ltr">{{AT_ISO}}</bdi>)</span></dd>
<dt>محل</dt><dd>{{PLACE}}</dd>
<dt>وضعیت</dt><dd>{{STATE_LABEL}}</dd>
<dt>حاضران</dt><dd>{{PRESENT}} شهر از {{MEMBERS}} شهر عضو (حد نصاب {{QUORUM_NEEDED}}): {{#PRESENT_CITY}}{{CITY}}{{#PRESENT_CITY_separator}}، {{/PRESENT_CITY_separator}}{{/PRESENT_CITY}}</dd>
<dt>غایبان</dt><dd>{{#NO_ABSENT}}—{{/NO_ABSENT}}{{#ABSENT_CITY}}{{CITY}}{{#ABSENT_CITY_separator}}، {{/ABSENT_CITY_separator}}{{/ABSENT_CITY}}</dd>
</dl>
</section>
<section aria-labelledby="h-items">
<h2 id="h-items">دستور جلسه و تصمیم‌ها</h2>
{{#NO_ITEMS}}<p class="muted">بندی در دستور این جلسه نبود.</p>{{/NO_ITEMS}}
{{#ITEM}}<article>
<h3>بند {{N_FA}}: <span class="ref">{{REFERENCE}}</span> {{TITLE}}</h3>
<table>
<caption class="visually-hidden">رأی شهرها در بند {{N_FA}}</caption>
<thead><tr><th scope="col">شهر</th><th scope="col">رأی</th></tr></thead>
<tbody>{{#VOTE}}<tr><td>{{CITY}}</td><td>{{VOTE}}</td></tr>{{/VOTE}}</tbody>
</table>
<p>{{#COUNT}}{{LABEL}}: {{VOTES}}{{#COUNT_separator}}، {{/COUNT_separator}}{{/COUNT}}</p>
<p><strong>تصمیم: {{DECISION}}</strong>{{#DECIDED}} — {{VOTES_FOR}} رأی از {{PRESENT}} شهر حاضر، <time datetime="{{DECIDED_AT_ISO}}">{{DECIDED_AT}}</time>{{#HAS_NOTE}}<br>{{NOTE}}{{/HAS_NOTE}}{{/DECIDED}}</p>
</article>{{/ITEM}}
</section>
{{#CONSULTATION}}<section aria-labelledby="h-consultation">
<h2 id="h-consultation">نظرخواهی از شهرها درباره دستور جلسه</h2>
<p>مهلت پیشنهاد: تا پایان {{LAST_DAY}}.{{#BUILT}} دستور جلسه در <time datetime="{{BUILT_AT_ISO}}">{{BUILT_AT}}</time> از نتیجه آن ساخته شد.{{/BUILT}}</p>
{{#NO_PROPOSALS}}<p class="muted">پیشنهادی نرسید.</p>{{/NO_PROPOSALS}}
{{#HAS_PROPOSALS}}<table>
<caption class="visually-hidden">پیشنهادهای شهرها به ترتیب رتبه</caption>
<thead><tr><th scope="col">رتبه</th><th scope="col">پیشنهاد</th><th scope="col">شهر</th><th scope="col">امتیاز</th><th scope="col">در دستور</th></tr></thead>
<tbody>{{#PROPOSAL}}<tr><td>{{PLACE_FA}}</td><td>{{KIND}}: {{#HAS_REFERENCE}}<span class="ref">{{REFERENCE}}</span> {{/HAS_REFERENCE}}{{TITLE}}{{#HAS_NOTE}}<br><small>{{NOTE}}</small>{{/HAS_NOTE}}</td><td>{{CITY}}</td><td>{{POINTS_FA}}</td><td>{{#ADOPTED}}بند {{ADOPTED_FA}}{{/ADOPTED}}{{#NOT_ADOPTED}}—{{/NOT_ADOPTED}}</td></tr>{{/PROPOSAL}}</tbody>
</table>{{/HAS_PROPOSALS}}
</section>{{/CONSULTATION}}
<section aria-labelledby="h-sign">
<h2 id="h-sign">امضای حاضران</h2>
<div class="signatures">
<div>دبیر کمیسیون<br><bdi>{{SECRETARY}}</bdi></div>
{{#SIGNATURE}}<div>نماینده {{CITY}}<br><bdi>{{NAME}}</bdi></div>{{/SIGNATURE}}
</div>
</section>
</article>
