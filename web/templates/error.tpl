{{%AUTOESCAPE context="HTML"}}<div class="panel">
<h1>{{HEADING}}</h1>
<p class="muted">کد خطا: {{STATUS}}</p>
<p lang="en" dir="ltr">{{DETAIL}}</p>
{{#FIELD_ERROR}}<p lang="en" dir="ltr"><bdi>{{FIELD}}</bdi>: {{DETAIL}}</p>{{/FIELD_ERROR}}
<p><a href="/">بازگشت به میز کار</a></p>
</div>
