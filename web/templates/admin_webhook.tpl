{{%AUTOESCAPE context="HTML"}}<p class="muted">مدیریت › <a href="/admin/webhooks">وب‌هوک‌ها</a></p>
<h1>اشتراک <bdi dir="ltr">{{URL}}</bdi></h1>
{{#ACTIVE}}<form method="post" action="/admin/webhooks/{{ID}}/deactivation" class="no-print">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="secondary">غیرفعال کردن این اشتراک</button>
</form>{{/ACTIVE}}
<section class="panel" aria-labelledby="h-deliveries">
<h2 id="h-deliveries">تحویل‌های اخیر</h2>
{{#NO_DELIVERIES}}<p class="muted">هنوز رویدادی برای این اشتراک فرستاده نشده است.</p>{{/NO_DELIVERIES}}
<table class="rows">
<thead><tr><th scope="col">رویداد</th><th scope="col">وضعیت</th><th scope="col">تلاش‌ها</th><th scope="col">پاسخ آخر</th><th scope="col">زمان</th></tr></thead>
<tbody>
{{#DELIVERY}}<tr><td dir="ltr">{{EVENT_TYPE}}</td><td data-label="وضعیت"><span class="delivery-{{STATE_CLASS}}">{{STATE}}</span>{{#HAS_ERROR}}<br><span class="muted" dir="ltr">{{LAST_ERROR}}</span>{{/HAS_ERROR}}</td><td data-label="تلاش‌ها">{{ATTEMPTS}}</td><td data-label="پاسخ آخر" dir="ltr">{{LAST_STATUS}}</td><td data-label="زمان">{{#DELIVERED}}رسید: <time datetime="{{AT_ISO}}">{{AT}}</time>{{/DELIVERED}}{{#NEXT}}تلاش بعد: <time datetime="{{AT_ISO}}">{{AT}}</time>{{/NEXT}}</td></tr>{{/DELIVERY}}
</tbody>
</table>
</section>
