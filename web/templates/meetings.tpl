{{%AUTOESCAPE context="HTML"}}<h1>جلسه‌های کمیسیون مشترک حقوقی</h1>
{{#MAY_SCHEDULE}}<p><a class="button" href="/meetings/new">برنامه‌ریزی جلسه تازه</a></p>{{/MAY_SCHEDULE}}
<section class="panel" aria-labelledby="h-month">
<div class="month-nav">
<a href="{{PREVIOUS_LINK}}" rel="prev">ماه پیش: {{PREVIOUS_NAME}}</a>
<h2 id="h-month">{{MONTH_NAME}}</h2>
<a href="{{NEXT_LINK}}" rel="next">ماه بعد: {{NEXT_NAME}}</a>
</div>
<table class="calendar">
<caption class="muted">جلسه‌های {{MONTH_NAME}}</caption>
<thead><tr><th scope="col"><span class="long">شنبه</span><abbr class="short" title="شنبه">ش</abbr></th><th scope="col"><span class="long">یکشنبه</span><abbr class="short" title="یکشنبه">ی</abbr></th><th scope="col"><span class="long">دوشنبه</span><abbr class="short" title="دوشنبه">د</abbr></th><th scope="col"><span class="long">سه‌شنبه</span><abbr class="short" title="سه‌شنبه">س</abbr></th><th scope="col"><span class="long">چهارشنبه</span><abbr class="short" title="چهارشنبه">چ</abbr></th><th scope="col"><span class="long">پنجشنبه</span><abbr class="short" title="پنجشنبه">پ</abbr></th><th scope="col"><span class="long">جمعه</span><abbr class="short" title="جمعه">ج</abbr></th></tr></thead>
<tbody>
{{#WEEK}}<tr>{{#DAY}}<td{{#BLANK}} class="blank"{{/BLANK}}>{{#DATE}}<span class="day{{#TODAY}} today{{/TODAY}}"{{#TODAY}} aria-current="date"{{/TODAY}}>{{DAY_FA}}</span>{{#MEETING}}<a class="event" href="/meetings/{{ID}}"><span class="ref">{{REFERENCE}}</span> <time datetime="{{AT_ISO}}">{{AT_CLOCK}}</time></a>{{/MEETING}}{{/DATE}}</td>{{/DAY}}</tr>{{/WEEK}}
</tbody>
</table>
{{#NO_MEETINGS_IN_MONTH}}<p class="muted">در این ماه جلسه‌ای نیست.</p>{{/NO_MEETINGS_IN_MONTH}}
</section>
<div class="grid">
<section class="panel" aria-labelledby="h-coming">
<h2 id="h-coming">جلسه‌های پیش رو</h2>
<ul class="plain">
{{#COMING}}<li><a href="/meetings/{{ID}}"><span class="ref">{{REFERENCE}}</span> <time datetime="{{AT_ISO}}">{{AT}}</time></a><br><span class="muted">{{PLACE}} — {{ITEMS}} بند، {{DECIDED}} تصمیم</span></li>{{/COMING}}
</ul>
</section>
<section class="panel" aria-labelledby="h-past">
<h2 id="h-past">جلسه‌های برگزارشده</h2>
<ul class="plain">
{{#PAST}}<li><a href="/meetings/{{ID}}"><span class="ref">{{REFERENCE}}</span> <time datetime="{{AT_ISO}}">{{AT}}</time></a> — <a href="/meetings/{{ID}}/minutes">صورتجلسه</a><br><span class="muted">{{PLACE}} — {{ITEMS}} بند، {{DECIDED}} تصمیم</span></li>{{/PAST}}
</ul>
</section>
</div>
