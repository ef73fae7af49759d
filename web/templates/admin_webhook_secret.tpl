{{%AUTOESCAPE context="HTML"}}<p class="muted">مدیریت › <a href="/admin/webhooks">وب‌هوک‌ها</a></p>
<h1>اشتراک ساخته شد</h1>
<div class="notice warn" role="alert"><p>کلید امضای این اشتراک تنها همین یک بار نشان داده می‌شود. آن را در سامانه دریافت‌کننده ذخیره کنید.</p></div>
<dl class="facts panel">
<dt>نشانی</dt><dd dir="ltr"><bdi>{{URL}}</bdi></dd>
<dt>کلید امضا</dt><dd><code dir="ltr">{{SECRET}}</code></dd>
</dl>
<p><a class="button" href="/admin/webhooks/{{ID}}">دیدن اشتراک</a></p>
