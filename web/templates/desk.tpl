{{%AUTOESCAPE context="HTML"}}<h1>میز کار</h1>
<div class="grid">
<section class="panel" aria-labelledby="h-actions">
<h2 id="h-actions">کارهای منتظر شما</h2>
{{#NO_ACTIONS}}<p class="muted">کاری منتظر شما نیست.</p>{{/NO_ACTIONS}}
<ul class="plain">
{{#ACTION}}<li><a href="{{LINK}}"><span class="ref">{{REFERENCE}}</span> {{TITLE}}</a><br><span class="muted">{{WHAT}}</span>{{#DUE}} — <span>مهلت: <time datetime="{{DUE_AT_ISO}}">{{DUE_AT}}</time></span>{{/DUE}}</li>{{/ACTION}}
</ul>
</section>
<section class="panel" aria-labelledby="h-deadlines">
<h2 id="h-deadlines">مهلت‌های هفت روز آینده</h2>
{{#NO_DEADLINES}}<p class="muted">مهلتی در هفت روز آینده نیست.</p>{{/NO_DEADLINES}}
<ul class="plain">
{{#DEADLINE}}<li{{#OVERDUE}} class="overdue"{{/OVERDUE}}><a href="{{LINK}}"><span class="ref">{{REFERENCE}}</span> {{TITLE}}</a><br><span>{{STATE_LABEL}}</span> — {{#OVERDUE}}<strong>گذشته از مهلت:</strong>{{/OVERDUE}}{{#NOT_OVERDUE}}مهلت:{{/NOT_OVERDUE}} <time datetime="{{DUE_AT_ISO}}">{{DUE_AT}}</time>{{#ACTIONABLE}} <span class="tag">با شما</span>{{/ACTIONABLE}}</li>{{/DEADLINE}}
</ul>
</section>
<section class="panel" aria-labelledby="h-notes">
<h2 id="h-notes">اعلان‌های خوانده‌نشده ({{UNREAD}})</h2>
{{#NO_NOTIFICATIONS}}<p class="muted">اعلان تازه‌ای نیست.</p>{{/NO_NOTIFICATIONS}}
<ul class="plain">
{{#NOTIFICATION}}<li><a href="{{LINK}}"><span class="ref">{{REFERENCE}}</span></a> {{SUMMARY}}<br><time class="muted" datetime="{{AT_ISO}}">{{AT}}</time></li>{{/NOTIFICATION}}
</ul>
</section>
<section class="panel" aria-labelledby="h-conflicts">
<h2 id="h-conflicts">آرای متعارض</h2>
{{#NO_CONFLICTS}}<p class="muted">میان آرای ثبت‌شده تعارضی نیست.</p>{{/NO_CONFLICTS}}
{{>CONFLICTS}}
<p><a href="/conflicts">همه آرای متعارض</a></p>
</section>
</div>
