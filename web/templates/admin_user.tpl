{{%AUTOESCAPE context="HTML"}}<p class="muted">مدیریت › <a href="/admin/users">کاربران</a> › <bdi>{{USERNAME}}</bdi></p>
<h1>حساب <bdi>{{USERNAME}}</bdi></h1>
{{#JUST_ADDED}}<div class="notice ok" role="status">حساب ساخته شد.</div>{{/JUST_ADDED}}
{{#JUST_CHANGED}}<div class="notice ok" role="status">نقش‌ها و شهر ذخیره شد؛ از درخواست بعدی این کاربر به کار می‌رود.</div>{{/JUST_CHANGED}}
{{>ERROR_SUMMARY}}
{{#STALE}}<div class="notice warn" role="alert" id="conflict"><p>این حساب پس از آنکه صفحه را باز کردید تغییر کرده است؛ صفحه وضعیت تازه را نشان می‌دهد.</p></div>{{/STALE}}
<div class="grid">
<section class="panel" aria-labelledby="h-facts">
<h2 id="h-facts">مشخصات</h2>
<dl class="facts">
<dt>نام کاربری</dt><dd><bdi>{{USERNAME}}</bdi></dd>
<dt>نقش‌ها</dt><dd>{{ROLES}}</dd>
<dt>شهر</dt><dd>{{CITY}}</dd>
<dt>ساخته‌شده</dt><dd><time datetime="{{CREATED_AT_ISO}}">{{CREATED_AT}}</time></dd>
</dl>
</section>
<form class="panel" method="post" action="/admin/users/{{ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
<h2>نقش‌ها و شهر</h2>
{{>ACCOUNT_INPUTS}}
<button type="submit">ذخیره</button>
</form>
</div>
<section class="panel" aria-labelledby="h-history">
<h2 id="h-history">سابقه حساب</h2>
<ol class="timeline">{{#EVENT}}<li><strong>{{WHAT}}</strong><br><span class="muted"><bdi>{{ACTOR}}</bdi>، <time datetime="{{AT_ISO}}">{{AT}}</time></span></li>{{/EVENT}}</ol>
</section>
