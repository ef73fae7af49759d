{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/gaps">خلأها</a> › <a href="/gaps/{{ID}}"><span class="ref">{{REFERENCE}}</span></a></p>
<h1>مقایسه نسخه {{FROM_FA}} با نسخه {{TO_FA}} پیش‌نویس</h1>
<p>{{TITLE}}</p>
{{>VERSION_CHOICES}}
<dl class="facts panel">
<dt>نسخه {{FROM_FA}}</dt><dd><bdi>{{FROM_AUTHOR}}</bdi>، <time datetime="{{FROM_AT_ISO}}">{{FROM_AT}}</time></dd>
<dt>نسخه {{TO_FA}}</dt><dd><bdi>{{TO_AUTHOR}}</bdi>، <time datetime="{{TO_AT_ISO}}">{{TO_AT}}</time></dd>
</dl>
<p class="muted">افزوده‌ها <ins>این‌گونه</ins> و حذف‌شده‌ها <del>این‌گونه</del> نشان داده شده‌اند.</p>
<h2>متن پیشنهادی</h2>
<div class="text">{{#TEXT_OP}}{{#SAME}}{{TEXT}}{{/SAME}}{{#INSERTED}}<ins>{{TEXT}}</ins>{{/INSERTED}}{{#DELETED}}<del>{{TEXT}}</del>{{/DELETED}}{{/TEXT_OP}}</div>
<h2>دلایل توجیهی</h2>
<div class="text">{{#RATIONALE_OP}}{{#SAME}}{{TEXT}}{{/SAME}}{{#INSERTED}}<ins>{{TEXT}}</ins>{{/INSERTED}}{{#DELETED}}<del>{{TEXT}}</del>{{/DELETED}}{{/RATIONALE_OP}}</div>
