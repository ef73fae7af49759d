{{%AUTOESCAPE context="HTML"}}<h1>خبرها با ایمیل</h1>
{{>ERROR_SUMMARY}}
{{#SAVED}}<p class="notice ok" role="status">انتخاب شما ثبت شد.</p>{{/SAVED}}
<form class="panel" method="post" action="/mail">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
<h2>چگونه باخبر شوید</h2>
<p>خبرها همان‌هایی است که در میز کار می‌بینید: هر تغییر در خلأهایی که گزارش کرده‌اید یا دنبال می‌کنید، و هشدار آرای مخالف. خلاصه روزانه و هفتگی افزون بر این، کارهای منتظر شما در هفته پیش رو را هم می‌آورد. چند تغییر در یک پرونده، یک مورد با پیوند به صفحه آن است.</p>
<div class="field{{#ADDRESS_HAS_ERROR}} has-error{{/ADDRESS_HAS_ERROR}}"><label for="f-address">نشانی ایمیل</label>{{#ADDRESS_HAS_ERROR}}<span class="error-message">{{ADDRESS_ERROR}}</span>{{/ADDRESS_HAS_ERROR}}<input type="email" id="f-address" name="address" value="{{ADDRESS}}" dir="ltr" autocomplete="email" placeholder="name@example.ir" aria-describedby="h-address"><span class="hint" id="h-address">هر بار که گذرواژه شما عوض شود، به این نشانی خبر می‌دهیم، هر چه در زیر برگزینید.</span></div>
<fieldset class="field{{#FREQUENCY_HAS_ERROR}} has-error{{/FREQUENCY_HAS_ERROR}}" id="f-frequency"><legend>چند وقت یک بار</legend>
{{#FREQUENCY_HAS_ERROR}}<span class="error-message">{{FREQUENCY_ERROR}}</span>{{/FREQUENCY_HAS_ERROR}}
{{#CHOICE}}<label class="checkbox"><input type="radio" name="frequency" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}} <span class="hint">{{HINT}}</span></label>{{/CHOICE}}
</fieldset>
<button type="submit">ثبت</button>
</form>
<section class="panel" aria-labelledby="h-sent">
<h2 id="h-sent">پیام‌های فرستاده‌شده به شما</h2>
{{#NO_MESSAGES}}<p class="muted">هنوز پیامی برای شما فرستاده نشده است.</p>{{/NO_MESSAGES}}
{{#HAS_MESSAGES}}<table class="rows">
<thead><tr><th scope="col">موضوع</th><th scope="col">ساخته شد</th><th scope="col">وضعیت</th></tr></thead>
<tbody>
{{#MESSAGE}}<tr><td data-label="موضوع"><bdi>{{SUBJECT}}</bdi></td><td data-label="ساخته شد">{{CREATED}}</td><td data-label="وضعیت">{{STATE}}{{#ERROR}}<br><span class="hint" dir="ltr">{{ERROR}}</span>{{/ERROR}}</td></tr>
{{/MESSAGE}}</tbody>
</table>{{/HAS_MESSAGES}}
</section>
