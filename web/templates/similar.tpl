{{%AUTOESCAPE context="HTML"}}{{#HAS_SIMILAR}}<div class="notice warn">
<h2>خلأهای باز مشابه</h2>
<p>شاید این خلأ پیش‌تر گزارش شده باشد. اگر یکی از این‌ها همان است، به جای گزارش تازه به آن بپیوندید (آن را دنبال کنید و شهر خود را اعلام کنید).</p>
<ul>
{{#SIMILAR}}<li><a href="/gaps/{{ID}}"><span class="ref">{{REFERENCE}}</span> {{TITLE}}</a> <span class="muted">({{STATE_LABEL}}، شباهت {{SCORE}}٪{{#SHARED}}، ماده مشترک: <bdi>{{PROVISION}}</bdi>{{/SHARED}})</span></li>{{/SIMILAR}}
</ul>
</div>{{/HAS_SIMILAR}}
