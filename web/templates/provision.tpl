{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/rulings">آرا</a> › ماده قانونی</p>
<h1>{{KEY}}</h1>
<p class="muted">هر آنچه درباره این ماده ثبت شده است: خلأها، پیش‌نویس‌ها، آرای دادگاه‌ها و نظریه‌های منتشرشده.</p>
{{#HAS_CONFLICTS}}<section class="panel conflict-panel" aria-labelledby="h-conflicts">
<h2 id="h-conflicts">آرای متعارض بر این ماده</h2>
<p class="muted">دادگاه‌ها درباره این ماده هم به سود و هم به زیان شهرداری رأی داده‌اند؛ این تعارض را رأی وحدت رویه هیئت عمومی برطرف می‌کند.</p>
{{>CONFLICTS}}
</section>{{/HAS_CONFLICTS}}
{{#HAS_REQUESTS}}<section class="panel" aria-labelledby="h-requests">
<h2 id="h-requests">درخواست‌های رأی وحدت رویه بر این ماده</h2>
<ul class="plain">{{#REQUEST}}<li><a href="/precedents/{{ID}}"><span class="ref">{{REFERENCE}}</span></a> <span class="state">{{STATE_LABEL}}</span></li>{{/REQUEST}}</ul>
</section>{{/HAS_REQUESTS}}
<div class="grid">
<section class="panel" aria-labelledby="h-rulings">
<h2 id="h-rulings">آرای دادگاه‌ها</h2>
{{#NO_RULINGS}}<p class="muted">رأیی ثبت نشده است.</p>{{/NO_RULINGS}}
<ul class="plain">{{#RULING}}<li><a href="/rulings/{{ID}}"><strong>{{COURT}}</strong>{{#BRANCH}} — {{BRANCH_NAME}}{{/BRANCH}}، دادنامه <bdi>{{NUMBER}}</bdi></a>، {{DECIDED_ON}} — <span class="outcome-{{OUTCOME}}">{{OUTCOME_LABEL}}</span>{{#BINDING}} <a class="tag binding" href="/precedents/{{PRECEDENT_ID}}">رأی وحدت رویه</a>{{/BINDING}} <span class="muted">({{CITY}})</span><br>{{SUMMARY}}</li>{{/RULING}}</ul>
{{#MORE_RULINGS}}<p><a href="{{LINK}}">همه آرای این ماده در دفتر آرا</a> <span class="muted">(اینجا تنها تازه‌ترین {{COUNT_FA}} رأی)</span></p>{{/MORE_RULINGS}}
</section>
<section class="panel" aria-labelledby="h-gaps">
<h2 id="h-gaps">خلأها</h2>
{{#NO_GAPS}}<p class="muted">خلأیی بر این ماده ثبت نشده است.</p>{{/NO_GAPS}}
{{#NO_OLDER_GAPS}}<p class="muted">خلأ قدیمی‌تری نیست.</p>{{/NO_OLDER_GAPS}}
<ul class="plain">{{#GAP}}<li><a href="/gaps/{{ID}}"><span class="ref">{{REFERENCE}}</span> {{TITLE}}</a> <span class="state">{{STATE_LABEL}}</span></li>{{/GAP}}</ul>
{{#GAP_PAGES}}<nav class="pager" aria-label="صفحه‌های خلأها">{{#NEWER_GAPS}}<a href="{{NEWEST_LINK}}">تازه‌ترین خلأها</a> {{/NEWER_GAPS}}{{#OLDER_GAPS}}<a href="{{OLDER_LINK}}#h-gaps" rel="next">خلأهای قدیمی‌تر</a>{{/OLDER_GAPS}}</nav>{{/GAP_PAGES}}
</section>
<section class="panel" aria-labelledby="h-drafts">
<h2 id="h-drafts">پیش‌نویس‌های اصلاحی</h2>
{{#NO_DRAFTS}}<p class="muted">پیش‌نویسی این ماده را نام نبرده است.</p>{{/NO_DRAFTS}}
<ul class="plain">{{#DRAFT}}<li><a href="/gaps/{{ID}}#drafts"><span class="ref">{{REFERENCE}}</span> {{TITLE}}</a> — نسخه {{VERSION_FA}}</li>{{/DRAFT}}</ul>
{{#MORE_DRAFTS}}<p class="muted">تنها تازه‌ترین {{COUNT_FA}} پیش‌نویس نشان داده شده است.</p>{{/MORE_DRAFTS}}
</section>
<section class="panel" aria-labelledby="h-opinions">
<h2 id="h-opinions">نظریه‌های منتشرشده کمیسیون</h2>
{{#NO_OPINIONS}}<p class="muted">نظریه‌ای منتشر نشده است.</p>{{/NO_OPINIONS}}
<ul class="plain">{{#OPINION}}<li><a href="/opinions/{{ID}}"><span class="ref">{{REFERENCE}}</span> {{TITLE}}</a></li>{{/OPINION}}</ul>
{{#MORE_OPINIONS}}<p class="muted">تنها تازه‌ترین {{COUNT_FA}} نظریه نشان داده شده است.</p>{{/MORE_OPINIONS}}
</section>
</div>
