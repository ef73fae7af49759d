{{%AUTOESCAPE context="HTML"}}<article class="minutes">
<p class="muted no-print"><a href="/bills">مجلس</a> › <a href="/bills/{{ID}}"><span class="ref">{{REFERENCE}}</span></a> › پرونده</p>
<h1>پرونده {{CHANNEL_LABEL}} <span class="ref">{{REFERENCE}}</span>: {{TITLE}}</h1>
<p class="no-print"><button type="button" class="secondary" data-print>چاپ</button></p>
<dl class="facts">
<dt>مرحله</dt><dd>{{STATE_LABEL}}</dd>
<dt>فوریت</dt><dd>{{URGENCY_LABEL}}</dd>
<dt>کمیسیون اصلی</dt><dd>{{LEAD_COMMISSION}}</dd>
<dt>تاریخ تهیه پرونده</dt><dd><time datetime="{{PRINTED_AT_ISO}}">{{PRINTED_AT}}</time></dd>
</dl>
<section aria-labelledby="h-gaps">
<h2 id="h-gaps">خلأهای این پرونده</h2>
{{#GAP}}<article>
{{#HIDDEN}}<p class="muted">{{HIDDEN_TITLE}}</p>{{/HIDDEN}}
{{#KNOWN}}<h3><span class="ref">{{REFERENCE}}</span> {{TITLE}}</h3>
<p class="muted">{{CITY}} — {{STATE_LABEL}}</p>
<div class="text">{{DESCRIPTION}}</div>
{{#LATEST}}<h4>آخرین نسخه پیش‌نویس ({{VERSION_FA}})</h4>
<div class="text">{{TEXT}}</div>
<h4>دلایل توجیهی</h4>
<div class="text">{{RATIONALE}}</div>
{{#DIFF}}<h4>تفاوت با نسخه نخست ({{FROM_FA}})</h4>
<div class="text">{{#TEXT_OP}}{{#SAME}}{{TEXT}}{{/SAME}}{{#INSERTED}}<ins>{{TEXT}}</ins>{{/INSERTED}}{{#DELETED}}<del>{{TEXT}}</del>{{/DELETED}}{{/TEXT_OP}}</div>{{/DIFF}}{{/LATEST}}
<h4>تصمیم‌های کمیسیون مشترک</h4>
<ul>{{#DECISION}}<li>{{WHAT}} در جلسه <a href="{{MEETING_LINK}}"><span class="ref">{{MEETING}}</span></a>، <time datetime="{{AT_ISO}}">{{AT}}</time>{{#HAS_COMMENT}} — {{COMMENT}}{{/HAS_COMMENT}}</li>{{/DECISION}}</ul>
{{/KNOWN}}
</article>{{/GAP}}
</section>
<section aria-labelledby="h-stages">
<h2 id="h-stages">مراحل در مجلس</h2>
<ol class="timeline">{{#EVENT}}<li><strong>{{WHAT}}</strong>{{#MOVE}} ← {{TO}}{{/MOVE}}{{#FACT}}<br><span class="muted">{{LABEL}}:</span> <bdi>{{VALUE}}</bdi>{{/FACT}}<br><span class="muted"><bdi>{{ACTOR}}</bdi>، <time datetime="{{AT_ISO}}">{{AT}}</time></span>{{#HAS_COMMENT}}<p class="comment">{{COMMENT}}</p>{{/HAS_COMMENT}}</li>{{/EVENT}}</ol>
</section>
<section aria-labelledby="h-objections">
<h2 id="h-objections">ایرادهای شورای نگهبان</h2>
{{#NO_OBJECTIONS}}<p class="muted">ایرادی ثبت نشده است.</p>{{/NO_OBJECTIONS}}
<table>
<caption class="visually-hidden">ایرادها و پاسخ‌ها</caption>
<thead><tr><th scope="col">ایراد</th><th scope="col">ماده</th><th scope="col">نوع</th><th scope="col">متن</th><th scope="col">پاسخ مجلس</th><th scope="col">وضعیت</th></tr></thead>
<tbody>{{#OBJECTION}}<tr><td>{{NUMBER_FA}}</td><td>{{ARTICLE}}</td><td>{{TYPE_LABEL}}</td><td>{{TEXT}}</td><td>{{RESPONSE}}</td><td>{{RESOLVED}}</td></tr>{{/OBJECTION}}</tbody>
</table>
</section>
</article>
