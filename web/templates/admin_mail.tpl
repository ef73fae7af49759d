{{%AUTOESCAPE context="HTML"}}<p class="muted">مدیریت › <a href="/admin/users">کاربران</a> · <a href="/admin/webhooks">وب‌هوک‌ها</a> · صندوق ارسال نامه‌ها</p>
<h1>صندوق ارسال نامه‌ها</h1>
<p class="muted">هر نامه‌ای که سامانه برای کاربران می‌فرستد (خبرنامه‌ها و اعلان‌های حساب) اینجاست. کوشش ناموفق با فاصله‌ای فزاینده تکرار می‌شود و پس از آخرین کوشش رها می‌شود؛ نامه رهاشده را می‌توان یک بار دیگر به صف برگرداند، به نشانی‌ای که گیرنده اکنون ثبت کرده است.</p>
{{#JUST_RETRIED}}<div class="notice ok" role="status">نامه شماره {{RETRIED_NUMBER}} به صف ارسال برگشت و در نخستین نوبت، به نشانی کنونی گیرنده، فرستاده می‌شود.</div>{{/JUST_RETRIED}}
{{#REFUSED}}<div class="notice" role="alert">این نامه دوباره فرستاده نشد: {{REFUSAL}}</div>{{/REFUSED}}
<p>در صف ارسال: <strong>{{PENDING}}</strong>{{#OLDEST}} (قدیمی‌ترین از <time datetime="{{AT_ISO}}">{{AT}}</time>){{/OLDEST}} · ناموفق: <strong>{{FAILED}}</strong>{{#ANY_FAILED}} — <a href="/admin/mail?state=failed">دیدن نامه‌های ناموفق</a>{{/ANY_FAILED}}</p>
<nav class="state-counts" aria-label="وضعیت نامه‌ها">
<ul>
{{#FILTER}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="true"{{/CURRENT}}>{{LABEL}}</a></li>{{/FILTER}}
</ul>
</nav>
<section id="messages" aria-label="نامه‌ها">
{{#NO_MESSAGES}}<p class="muted">نامه‌ای در این وضعیت نیست.</p>{{/NO_MESSAGES}}
{{#HAS_MESSAGES}}<table class="rows">
<thead><tr><th scope="col">نامه</th><th scope="col">گیرنده</th><th scope="col">وضعیت</th><th scope="col">کوشش‌ها</th><th scope="col">زمان</th><th scope="col"><span class="visually-hidden">کار</span></th></tr></thead>
<tbody>
{{#MESSAGE}}<tr><td><span class="muted">شماره {{NUMBER}} · {{KIND}}</span><br>{{SUBJECT}}</td><td data-label="گیرنده"><a href="/admin/users/{{USER_ID}}">{{USERNAME}}</a><br><span class="muted" dir="ltr"><bdi>{{RECIPIENT}}</bdi></span></td><td data-label="وضعیت"><span class="state">{{STATE_LABEL}}</span>{{#HAS_ERROR}}<br><span class="muted" dir="ltr">{{LAST_ERROR}}</span>{{/HAS_ERROR}}</td><td data-label="کوشش‌ها">{{ATTEMPTS}}{{#RETRIED}} ({{RETRIES}} بار به صف برگشته){{/RETRIED}}</td><td data-label="زمان">ساخته: <time datetime="{{CREATED_AT_ISO}}">{{CREATED_AT}}</time>{{#SENT}}<br>فرستاده: <time datetime="{{AT_ISO}}">{{AT}}</time>{{/SENT}}{{#NEXT}}<br>کوشش بعد: <time datetime="{{AT_ISO}}">{{AT}}</time>{{/NEXT}}</td><td>{{#RETRY}}<form method="post" action="/admin/mail/{{ID}}/retry" class="no-print"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary" aria-label="فرستادن دوباره نامه {{NUMBER}}">فرستادن دوباره</button></form>{{/RETRY}}</td></tr>{{/MESSAGE}}
</tbody>
</table>{{/HAS_MESSAGES}}
{{#HAS_OLDER}}<p><a class="button secondary" href="{{OLDER_HREF}}">نامه‌های قدیمی‌تر</a></p>{{/HAS_OLDER}}
</section>
