{{%AUTOESCAPE context="HTML"}}{{#HAS_SIMILAR}}<div class="notice warn">
<h2>خلأهای باز مشابه</h2>
<p>شاید این خلأ پیش‌تر گزارش شده باشد. اگر یکی از این‌ها همان است، به جای گزارش تازه آن را باز کنید و دنبال کنید؛ اگر گزارش تکراری ثبت شود، دبیر کمیسیون آن را در خلأ موجود ادغام می‌کند و شهر شما هم‌گزارش‌دهنده آن می‌شود.</p>
<ul>
{{#SIMILAR}}<li><a href="/gaps/{{ID}}"><span class="ref">{{REFERENCE}}</span> {{TITLE}}</a> <span class="muted">({{STATE_LABEL}}، شباهت {{SCORE}}٪{{#SHARED}}، ماده مشترک: <bdi>{{PROVISION}}</bdi>{{/SHARED}})</span></li>{{/SIMILAR}}
</ul>
</div>{{/HAS_SIMILAR}}
