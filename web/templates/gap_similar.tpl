{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/gaps">خلأها</a> › <a href="/gaps/{{ID}}"><span class="ref">{{REFERENCE}}</span></a></p>
<h1>خلأهای باز مشابه «{{TITLE}}»</h1>
{{#NONE}}<p class="panel">خلأ باز مشابهی پیدا نشد.</p>{{/NONE}}
{{>SIMILAR_LIST}}
<p><a href="/gaps/{{ID}}">بازگشت به خلأ</a></p>
