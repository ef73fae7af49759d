{{%AUTOESCAPE context="HTML"}}<p class="muted">مدیریت › <a href="/admin/users">کاربران</a> › <bdi>{{USERNAME}}</bdi></p>
<h1>حساب <bdi>{{USERNAME}}</bdi></h1>
{{#JUST_ADDED}}<div class="notice ok" role="status">حساب ساخته شد.</div>{{/JUST_ADDED}}
{{#JUST_RESET}}<div class="notice ok" role="status">گذرواژه تازه ثبت شد و همه نشست‌های این کاربر همان دم بسته شد. گذرواژه را از راهی امن به او بدهید و بخواهید پس از ورود آن را در «حساب من» عوض کند.</div>{{/JUST_RESET}}
{{#JUST_STATUS}}<div class="notice ok" role="status">{{#ACTIVE}}حساب فعال است؛ کاربر با گذرواژه خود دوباره وارد می‌شود.{{/ACTIVE}}{{#DISABLED}}حساب غیرفعال شد: همه نشست‌های آن همان دم بسته شد، دیگر وارد نمی‌شود، نشانی تقویمش از کار افتاد و ایمیلی برایش فرستاده نمی‌شود.{{/DISABLED}}</div>{{/JUST_STATUS}}
{{#JUST_ENDED}}<div class="notice ok" role="status">آن نشست بسته شد؛ نشست‌های دیگر این کاربر و گذرواژه‌اش همان است که بود.</div>{{/JUST_ENDED}}
{{#ALREADY_ENDED}}<div class="notice" role="status">آن نشست پیش‌تر بسته شده بود یا اعتبارش به سر رسیده بود.</div>{{/ALREADY_ENDED}}
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
<dt>وضعیت</dt><dd>{{#ACTIVE}}فعال{{/ACTIVE}}{{#DISABLED}}<strong>غیرفعال</strong> از <time datetime="{{AT_ISO}}">{{AT}}</time>{{/DISABLED}}</dd>
</dl>
{{#OTHER_ACCOUNT}}<form method="post" action="/admin/users/{{ID}}/status" id="status">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
{{#ACTIVE}}<input type="hidden" name="active" value="0">
<p class="muted">برای کسی که دیگر در این سمت نیست: حساب و سابقه‌اش می‌ماند، ولی دیگر وارد نمی‌شود و همه نشست‌هایش همان دم بسته می‌شود.</p>
<button type="submit" class="secondary">غیرفعال کردن حساب</button>{{/ACTIVE}}
{{#DISABLED}}<input type="hidden" name="active" value="1">
<button type="submit">فعال کردن دوباره</button>{{/DISABLED}}
</form>{{/OTHER_ACCOUNT}}
</section>
<form class="panel" method="post" action="/admin/users/{{ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
<h2>نقش‌ها و شهر</h2>
{{>ACCOUNT_INPUTS}}
<button type="submit">ذخیره</button>
</form>
{{#OTHER_ACCOUNT}}<form class="panel" method="post" action="/admin/users/{{ID}}/password" id="password">
<input type="hidden" name="csrf" value="{{CSRF}}">
<h2>گذرواژه تازه</h2>
<p>برای کاربری که گذرواژه‌اش را فراموش کرده یا گذرواژه‌اش به دست دیگری افتاده است. همه نشست‌های او همان دم بسته می‌شود.</p>
<div class="field{{#PASSWORD_HAS_ERROR}} has-error{{/PASSWORD_HAS_ERROR}}"><label for="f-password">گذرواژه تازه <span class="hint">دست‌کم ۱۰ نویسه</span></label>{{#PASSWORD_HAS_ERROR}}<span class="error-message">{{PASSWORD_ERROR}}</span>{{/PASSWORD_HAS_ERROR}}<input type="password" id="f-password" name="password" dir="ltr" required minlength="10" autocomplete="new-password"></div>
<div class="field{{#PASSWORD_AGAIN_HAS_ERROR}} has-error{{/PASSWORD_AGAIN_HAS_ERROR}}"><label for="f-password_again">گذرواژه تازه، دوباره</label>{{#PASSWORD_AGAIN_HAS_ERROR}}<span class="error-message">{{PASSWORD_AGAIN_ERROR}}</span>{{/PASSWORD_AGAIN_HAS_ERROR}}<input type="password" id="f-password_again" name="password_again" dir="ltr" required minlength="10" autocomplete="new-password"></div>
<button type="submit">ثبت گذرواژه تازه</button>
</form>{{/OTHER_ACCOUNT}}
{{#OWN_ACCOUNT}}<section class="panel"><h2>گذرواژه</h2><p>گذرواژه خودتان را با گذرواژه کنونی در <a href="/account">حساب من</a> عوض کنید.</p></section>{{/OWN_ACCOUNT}}
</div>
{{>SESSIONS}}
<section class="panel" aria-labelledby="h-history">
<h2 id="h-history">سابقه حساب</h2>
<ol class="timeline">{{#EVENT}}<li><strong>{{WHAT}}</strong><br><span class="muted"><bdi>{{ACTOR}}</bdi>، <time datetime="{{AT_ISO}}">{{AT}}</time></span></li>{{/EVENT}}</ol>
</section>
