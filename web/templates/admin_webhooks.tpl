{{%AUTOESCAPE context="HTML"}}<p class="muted">مدیریت › <a href="/admin/users">کاربران</a> · وب‌هوک‌ها · <a href="/admin/mail">صندوق ارسال نامه‌ها</a></p>
<h1>وب‌هوک‌ها</h1>
<p class="muted">سامانه‌های دیگر هر رویداد را با امضای HMAC دریافت می‌کنند؛ تحویل ناموفق با فاصله‌ای فزاینده دوباره فرستاده می‌شود.</p>
{{>ERROR_SUMMARY}}
<table class="rows">
<caption class="muted">اشتراک‌ها</caption>
<thead><tr><th scope="col">نشانی</th><th scope="col">رویدادها</th><th scope="col">وضعیت</th><th scope="col">ساخته‌شده</th></tr></thead>
<tbody>
{{#SUBSCRIPTION}}<tr><td><a href="/admin/webhooks/{{ID}}" dir="ltr"><bdi>{{URL}}</bdi></a></td><td data-label="رویدادها" dir="ltr">{{EVENTS}}</td><td data-label="وضعیت"><span class="state{{#INACTIVE}} terminal{{/INACTIVE}}">{{STATE}}</span></td><td data-label="ساخته‌شده"><time datetime="{{CREATED_AT_ISO}}">{{CREATED_AT}}</time></td></tr>{{/SUBSCRIPTION}}
</tbody>
</table>
<form class="panel" method="post" action="/admin/webhooks">
<input type="hidden" name="csrf" value="{{CSRF}}">
<h2>اشتراک تازه</h2>
<div class="field{{#URL_HAS_ERROR}} has-error{{/URL_HAS_ERROR}}"><label for="f-url">نشانی دریافت (https)</label>{{#URL_HAS_ERROR}}<span class="error-message">{{URL_ERROR}}</span>{{/URL_HAS_ERROR}}<input type="url" id="f-url" name="url" value="{{NEW_URL}}" dir="ltr" required placeholder="https://example.org/lacuna-hook"></div>
<fieldset class="field{{#EVENTS_HAS_ERROR}} has-error{{/EVENTS_HAS_ERROR}}" id="f-events"><legend>رویدادها</legend>
{{#EVENTS_HAS_ERROR}}<span class="error-message">{{EVENTS_ERROR}}</span>{{/EVENTS_HAS_ERROR}}
<label class="checkbox"><input type="checkbox" name="event" value="*"{{#ALL_CHECKED}} checked{{/ALL_CHECKED}}> همه رویدادها</label>
<div class="choices" dir="ltr">{{#EVENT_TYPE}}<label class="checkbox"><input type="checkbox" name="event" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{VALUE}}</label>{{/EVENT_TYPE}}</div>
</fieldset>
<button type="submit">ساخت اشتراک</button>
</form>
