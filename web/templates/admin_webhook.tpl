{{%AUTOESCAPE context="HTML"}}<p class="muted">مدیریت › <a href="/admin/webhooks">وب‌هوک‌ها</a></p>
<h1>اشتراک <bdi dir="ltr">{{URL}}</bdi></h1>
{{#ACTIVE}}<form method="post" action="/admin/webhooks/{{ID}}/deactivation" class="no-print">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="secondary">غیرفعال کردن این اشتراک</button>
</form>{{/ACTIVE}}
{{#JUST_RETRIED}}<div class="notice ok" role="status">تحویل به صف برگشت و در نخستین نوبت دوباره فرستاده می‌شود.</div>{{/JUST_RETRIED}}
{{#REFUSED}}<div class="notice" role="alert">این تحویل دوباره فرستاده نشد: یا دیگر ناموفق نیست (کسی پیش‌تر آن را به صف برگردانده است) یا این اشتراک غیرفعال شده است.</div>{{/REFUSED}}
<section class="panel" id="deliveries" aria-labelledby="h-deliveries">
<h2 id="h-deliveries">تحویل‌های اخیر</h2>
{{#NO_DELIVERIES}}<p class="muted">هنوز رویدادی برای این اشتراک فرستاده نشده است.</p>{{/NO_DELIVERIES}}
<table class="rows">
<thead><tr><th scope="col">رویداد</th><th scope="col">وضعیت</th><th scope="col">تلاش‌ها</th><th scope="col">پاسخ آخر</th><th scope="col">زمان</th><th scope="col"><span class="visually-hidden">کار</span></th></tr></thead>
<tbody>
{{#DELIVERY}}<tr><td dir="ltr">{{EVENT_TYPE}}</td><td data-label="وضعیت"><span class="delivery-{{STATE_CLASS}}">{{STATE}}</span>{{#HAS_ERROR}}<br><span class="muted" dir="ltr">{{LAST_ERROR}}</span>{{/HAS_ERROR}}</td><td data-label="تلاش‌ها">{{ATTEMPTS}}{{#RETRIED}} ({{RETRIES}} بار به صف برگشته){{/RETRIED}}</td><td data-label="پاسخ آخر" dir="ltr">{{LAST_STATUS}}</td><td data-label="زمان">{{#DELIVERED}}رسید: <time datetime="{{AT_ISO}}">{{AT}}</time>{{/DELIVERED}}{{#NEXT}}تلاش بعد: <time datetime="{{AT_ISO}}">{{AT}}</time>{{/NEXT}}</td><td>{{#RETRY}}<form method="post" action="/admin/webhooks/{{ID}}/deliveries/{{DELIVERY_ID}}/retry" class="no-print"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">فرستادن دوباره</button></form>{{/RETRY}}</td></tr>{{/DELIVERY}}
</tbody>
</table>
</section>
