{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/meetings">جلسه‌ها</a> › <a href="/meetings/{{ID}}"><span class="ref">{{REFERENCE}}</span></a> › دستور جلسه</p>
<h1>دستور جلسه <span class="ref">{{REFERENCE}}</span></h1>
{{>ERROR_SUMMARY}}
{{#STALE}}<div class="notice warn" role="alert" id="conflict"><h2>این جلسه پس از آنکه صفحه را باز کردید تغییر کرده است</h2><p>دستور جلسه اکنون وضعیت تازه را نشان می‌دهد؛ اگر هنوز لازم است، دوباره بفرستید.</p></div>{{/STALE}}
<p class="muted">جلسه <time datetime="{{AT_ISO}}">{{AT}}</time>، {{PLACE}}. خلأهای در انتظار کمیسیون، آنکه بیشتر منتظر مانده نخست؛ موردی که رأی یا تصمیم دارد در دستور می‌ماند.</p>
<section class="panel">
<form method="post" action="/meetings/{{ID}}/agenda">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
{{>AGENDA_CHOICES}}
<button type="submit">ثبت دستور جلسه</button> <a href="/meetings/{{ID}}">بازگشت به جلسه</a>
</form>
</section>
