{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/meetings">جلسه‌ها</a> › جلسه تازه</p>
<h1>برنامه‌ریزی جلسه تازه کمیسیون</h1>
{{>ERROR_SUMMARY}}
<form class="panel" method="post" action="/meetings">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="grid">
<div class="field{{#DATE_HAS_ERROR}} has-error{{/DATE_HAS_ERROR}}">
<label for="f-date">تاریخ <span class="hint">به تقویم شمسی، مانند ۱۴۰۵-۰۹-۱۵</span></label>
{{#DATE_HAS_ERROR}}<span class="error-message">{{DATE_ERROR}}</span>{{/DATE_HAS_ERROR}}
<input type="text" data-jdp id="f-date" name="date" value="{{DATE}}" placeholder="۱۴۰۵-۰۹-۱۵" required>
</div>
<div class="field{{#TIME_HAS_ERROR}} has-error{{/TIME_HAS_ERROR}}">
<label for="f-time">ساعت <span class="hint">به وقت تهران، مانند ۱۰:۳۰</span></label>
{{#TIME_HAS_ERROR}}<span class="error-message">{{TIME_ERROR}}</span>{{/TIME_HAS_ERROR}}
<input type="text" inputmode="numeric" dir="ltr" id="f-time" name="time" value="{{TIME}}" required>
</div>
<div class="field{{#PLACE_HAS_ERROR}} has-error{{/PLACE_HAS_ERROR}}">
<label for="f-place">محل</label>
{{#PLACE_HAS_ERROR}}<span class="error-message">{{PLACE_ERROR}}</span>{{/PLACE_HAS_ERROR}}
<input type="text" id="f-place" name="place" value="{{PLACE}}" required maxlength="300">
</div>
</div>
{{>AGENDA_CHOICES}}
<button type="submit">ثبت جلسه</button>
</form>
